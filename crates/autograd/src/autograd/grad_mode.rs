//! Grad mode: a thread-local flag and an RAII guard that restores it (also on error paths).

use std::cell::Cell;

thread_local! {
    static GRAD_ENABLED: Cell<bool> = const { Cell::new(true) };
}

/// Whether operations currently record autograd history (`torch.is_grad_enabled()`).
pub fn is_grad_enabled() -> bool {
    GRAD_ENABLED.with(|g| g.get())
}

/// Sets grad mode without a guard (`torch.set_grad_enabled(b)` used as a function).
pub fn set_grad_enabled(enabled: bool) {
    GRAD_ENABLED.with(|g| g.set(enabled));
}

/// Sets grad mode for a scope; the previous mode is restored on drop.
#[must_use = "grad mode is restored when the guard is dropped"]
pub struct GradModeGuard {
    prev: bool,
}

impl GradModeGuard {
    /// Enters a scope with grad mode `enabled` (`set_grad_enabled(enabled)` as a context manager).
    pub fn new(enabled: bool) -> Self {
        let prev = is_grad_enabled();
        set_grad_enabled(enabled);
        GradModeGuard { prev }
    }
}

impl Drop for GradModeGuard {
    fn drop(&mut self) {
        set_grad_enabled(self.prev);
    }
}

/// `with torch.no_grad():`
pub fn no_grad() -> GradModeGuard {
    GradModeGuard::new(false)
}

/// `with torch.enable_grad():`
pub fn enable_grad() -> GradModeGuard {
    GradModeGuard::new(true)
}
