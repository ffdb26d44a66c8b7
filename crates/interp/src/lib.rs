//! A Python-subset interpreter over `autograd`. (Being built: see issue 4.)
