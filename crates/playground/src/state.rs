//! The app's state and its reducer (Yew's `use_reducer`, as in the `function_todomvc` example).
//!
//! Everything the page shows derives from `State`; the reducer is pure, so it is unit-tested
//! natively. Talking to the worker happens in the component, next to the dispatch.

use crate::lesson::{self, Lang};
use crate::playback::Playback;
use crate::protocol::{Request, Response};
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Activity {
    Idle,
    /// A whole cell is running.
    Running,
    /// A cell is loaded statement by statement; `Step` runs the next one.
    Stepping,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: Lang,
    /// Index of the lesson step shown.
    pub step: usize,
    /// The editor text of each step (starts as the lesson's code).
    pub codes: Vec<String>,
    pub activity: Activity,
    /// The latest result of the current step's cell.
    pub result: Option<Rc<Response>>,
    /// Node selected in the graph, shown by the inspector.
    pub selected: Option<usize>,
    pub playback: Playback,
    /// Prefers reduced motion: the backward replay starts paused.
    pub reduced_motion: bool,
    /// How many results have arrived (tests and the console use it to tell runs apart).
    pub results: u32,
    /// A message about the runtime itself (a restarted worker), not about the program.
    pub notice: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    GoTo(usize),
    Edit(String),
    /// Replace the code of any cell (the inspector edits a leaf where an earlier step made it).
    EditCell {
        cell: usize,
        code: String,
    },
    /// The worker was asked to run the current cell.
    Started {
        stepping: bool,
    },
    Received(Box<Response>),
    /// Stop: the worker was terminated and replaced.
    Stopped,
    /// The worker died (a bug); it has been replaced.
    Crashed(String),
    /// Reset: back to the lesson's code for this step, nothing run.
    Reset,
    Select(Option<usize>),
    ShowBackward(usize),
    PlayPause,
    StepForward,
    /// The replay timer fired: one step forward, still playing.
    Tick,
    StepBack,
    Seek(usize),
    SetInterval(u32),
}

impl State {
    pub fn new(lang: Lang, step: usize, reduced_motion: bool) -> State {
        let steps = lesson::steps(lang);
        State {
            lang,
            step: step.min(steps.len().saturating_sub(1)),
            codes: steps.iter().map(|s| s.code.to_string()).collect(),
            activity: Activity::Idle,
            result: None,
            selected: None,
            playback: Playback::default(),
            reduced_motion,
            results: 0,
            notice: None,
        }
    }

    pub fn code(&self) -> &str {
        self.codes.get(self.step).map_or("", String::as_str)
    }

    /// Whether the current cell and every cell before it are the lesson's own code, unedited
    /// (not a share link's or an embed's code, not the learner's).
    pub fn runs_only_lesson_code(&self) -> bool {
        let lesson = lesson::steps(self.lang);
        self.step < lesson.len()
            && self.codes[..=self.step.min(self.codes.len().saturating_sub(1))]
                .iter()
                .zip(lesson)
                .all(|(code, step)| code == step.code)
    }

    /// The request that runs the current cell: earlier cells first, like a notebook.
    pub fn run_request(&self, stepping: bool) -> Request {
        Request::Run {
            prelude: self.codes[..self.step.min(self.codes.len())].to_vec(),
            code: self.code().to_string(),
            stepping,
        }
    }

    /// Like `run_request(false)`, with cell `cell` replaced by `code`: the request is sent at
    /// once, before the reducer has applied the edit.
    pub fn run_request_after_edit(&self, cell: usize, code: &str) -> Request {
        let mut codes = self.codes.clone();
        if let Some(slot) = codes.get_mut(cell) {
            *slot = code.to_string();
        }
        let step = self.step.min(codes.len().saturating_sub(1));
        Request::Run {
            prelude: codes[..step].to_vec(),
            code: codes.get(step).cloned().unwrap_or_default(),
            stepping: false,
        }
    }

    pub fn busy(&self) -> bool {
        self.activity == Activity::Running
    }

    fn current_trace_len(&self) -> Option<usize> {
        let run = self.result.as_ref()?.backwards.get(self.playback.run)?;
        Some(run.trace.steps.len())
    }

    fn with_trace(&mut self, f: impl FnOnce(&mut Playback, &autograd::BackwardTrace)) {
        if let Some(result) = self.result.clone() {
            if let Some(run) = result.backwards.get(self.playback.run) {
                f(&mut self.playback, &run.trace);
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetLang(lang) => s.lang = lang,
            Action::GoTo(step) => {
                if step < s.codes.len() && step != s.step {
                    s.step = step;
                    s.result = None;
                    s.selected = None;
                    s.activity = Activity::Idle;
                    s.playback = Playback::default();
                }
            }
            Action::Edit(code) => {
                if let Some(slot) = s.codes.get_mut(s.step) {
                    *slot = code;
                }
                if s.activity == Activity::Stepping {
                    s.activity = Activity::Idle;
                }
            }
            Action::EditCell { cell, code } => {
                if let Some(slot) = s.codes.get_mut(cell) {
                    *slot = code;
                }
            }
            Action::Started { stepping } => {
                s.activity = if stepping {
                    Activity::Stepping
                } else {
                    Activity::Running
                };
                s.notice = None;
            }
            Action::Received(response) => {
                let previous_runs = s.result.as_ref().map_or(0, |r| r.backwards.len());
                let runs = response.backwards.len();
                if response.done {
                    s.activity = Activity::Idle;
                }
                if s.selected
                    .is_some_and(|id| id >= response.graph.nodes.len())
                {
                    s.selected = None;
                }
                // A new backward pass starts its replay; otherwise keep the viewer where it is.
                if runs > previous_runs
                    || (runs > 0 && s.activity != Activity::Stepping && previous_runs == 0)
                {
                    s.playback = Playback::start(runs - 1, !s.reduced_motion);
                } else if runs == 0 {
                    s.playback = Playback::default();
                }
                s.result = Some(Rc::new(*response));
                s.results = s.results.wrapping_add(1);
            }
            Action::Stopped => {
                s.activity = Activity::Idle;
                s.notice = Some("stopped".into());
            }
            Action::Crashed(why) => {
                s.activity = Activity::Idle;
                s.notice = Some(why);
            }
            Action::Reset => {
                let code = lesson::steps(s.lang)
                    .get(s.step)
                    .map(|st| st.code.to_string());
                if let (Some(slot), Some(code)) = (s.codes.get_mut(s.step), code) {
                    *slot = code;
                }
                s.result = None;
                s.selected = None;
                s.activity = Activity::Idle;
                s.playback = Playback::default();
            }
            Action::Select(id) => s.selected = id,
            Action::ShowBackward(run) => {
                if s.result.as_ref().is_some_and(|r| run < r.backwards.len()) {
                    s.playback = Playback::start(run, false);
                }
            }
            Action::PlayPause => {
                if s.current_trace_len().is_some() {
                    if s.playback.playing {
                        s.playback.playing = false;
                    } else {
                        s.with_trace(|p, t| {
                            if p.is_done(t) {
                                p.pos = 0;
                            }
                            p.playing = true;
                        });
                    }
                }
            }
            Action::StepForward => s.with_trace(|p, t| {
                p.playing = false;
                p.forward(t)
            }),
            Action::Tick => {
                if s.playback.playing {
                    s.with_trace(|p, t| p.forward(t));
                }
            }
            Action::StepBack => s.playback.back(),
            Action::Seek(pos) => s.with_trace(|p, t| p.seek(pos, t)),
            Action::SetInterval(ms) => s.playback.interval_ms = ms.clamp(50, 5000),
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::BackwardRun;
    use autograd::{BackwardTrace, TraceStep};

    fn reduce(s: State, a: Action) -> State {
        (*Rc::new(s).reduce(a)).clone()
    }

    fn response_with_backwards(n: usize, steps: usize) -> Box<Response> {
        let step = TraceStep {
            node: Some(0),
            name: "MeanBackward0".into(),
            grad_in: None,
            grads_out: vec![],
            leaf: None,
            error: None,
        };
        Box::new(Response {
            done: true,
            backwards: (0..n)
                .map(|_| BackwardRun {
                    line: 1,
                    graph: Default::default(),
                    node_lines: Vec::new(),
                    trace: BackwardTrace {
                        steps: vec![step.clone(); steps],
                    },
                })
                .collect(),
            ..Default::default()
        })
    }

    #[test]
    fn notebook_request_runs_earlier_cells_first() {
        let s = reduce(State::new(Lang::En, 0, false), Action::GoTo(4));
        let Request::Run {
            prelude,
            code,
            stepping,
        } = s.run_request(false)
        else {
            panic!()
        };
        assert_eq!(prelude.len(), 4);
        assert_eq!(prelude[1], lesson::steps(Lang::En)[1].code);
        assert_eq!(code, lesson::steps(Lang::En)[4].code);
        assert!(!stepping);
    }

    #[test]
    fn a_request_after_an_edit_already_holds_the_edit() {
        let s = reduce(State::new(Lang::En, 0, false), Action::GoTo(3));
        let Request::Run { prelude, code, .. } = s.run_request_after_edit(1, "x2 = 7") else {
            panic!()
        };
        assert_eq!(prelude[1], "x2 = 7");
        assert_eq!(code, lesson::steps(Lang::En)[3].code);
        let Request::Run { code, .. } = s.run_request_after_edit(3, "print(1)") else {
            panic!()
        };
        assert_eq!(code, "print(1)");
    }

    #[test]
    fn edits_stay_per_step_and_reset_restores_the_lesson_code() {
        let mut s = State::new(Lang::En, 1, false);
        s = reduce(s, Action::Edit("print(1)".into()));
        s = reduce(s, Action::GoTo(2));
        s = reduce(s, Action::GoTo(1));
        assert_eq!(s.code(), "print(1)");
        s = reduce(s, Action::Reset);
        assert_eq!(s.code(), lesson::steps(Lang::En)[1].code);
    }

    #[test]
    fn a_backward_pass_starts_its_replay() {
        let mut s = reduce(
            State::new(Lang::En, 4, false),
            Action::Started { stepping: false },
        );
        assert!(s.busy());
        s = reduce(s, Action::Received(response_with_backwards(1, 3)));
        assert_eq!(s.activity, Activity::Idle);
        assert!(s.playback.playing);
        s = reduce(s, Action::Tick);
        assert_eq!((s.playback.pos, s.playback.playing), (1, true));
        s = reduce(s, Action::StepForward);
        assert_eq!((s.playback.pos, s.playback.playing), (2, false));
        s = reduce(s, Action::Tick);
        assert_eq!(s.playback.pos, 2, "a paused replay ignores the timer");
        s = reduce(s, Action::StepBack);
        assert_eq!(s.playback.pos, 1);
        s = reduce(s, Action::Seek(99));
        assert_eq!(s.playback.pos, 3);
        s = reduce(s, Action::PlayPause);
        assert_eq!(
            (s.playback.pos, s.playback.playing),
            (0, true),
            "play at the end restarts"
        );
    }

    #[test]
    fn reduced_motion_replays_paused() {
        let s = reduce(
            State::new(Lang::En, 4, true),
            Action::Received(response_with_backwards(2, 3)),
        );
        assert_eq!(s.playback.run, 1);
        assert!(!s.playback.playing);
    }

    #[test]
    fn only_unedited_lesson_cells_count_as_lesson_code() {
        let s = State::new(Lang::En, 3, false);
        assert!(s.runs_only_lesson_code());
        let mut edited = s.clone();
        edited.codes[1].push_str("print('hi')\n");
        assert!(
            !edited.runs_only_lesson_code(),
            "an earlier cell was edited"
        );
        let mut shared = s.clone();
        shared.codes[3] = "while True: pass".into();
        assert!(!shared.runs_only_lesson_code(), "a share link's code");
        let mut later = s;
        later.codes[5] = "edited later".into();
        assert!(
            later.runs_only_lesson_code(),
            "cells after the current one do not run"
        );
    }

    #[test]
    fn stop_and_crash_return_to_idle_with_a_notice() {
        let s = reduce(
            State::new(Lang::En, 0, false),
            Action::Started { stepping: false },
        );
        let stopped = reduce(s.clone(), Action::Stopped);
        assert_eq!(stopped.activity, Activity::Idle);
        let crashed = reduce(s, Action::Crashed("boom".into()));
        assert_eq!(crashed.notice.as_deref(), Some("boom"));
        assert_eq!(
            crashed.code(),
            lesson::steps(Lang::En)[0].code,
            "the editor text survives"
        );
    }

    #[test]
    fn out_of_range_actions_are_ignored() {
        let s = State::new(Lang::En, 99, false);
        assert_eq!(s.step, 6);
        let s = reduce(s, Action::GoTo(42));
        assert_eq!(s.step, 6);
        let s = reduce(s, Action::ShowBackward(3));
        assert_eq!(s.playback, Playback::default());
    }
}
