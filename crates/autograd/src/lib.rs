//! Tensors with PyTorch's autograd semantics. (Being built: see issue 3.)
