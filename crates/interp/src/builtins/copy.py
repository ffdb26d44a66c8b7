def __build_copy():
    # The `copy` module (CPython's Lib/copy.py), for the values this interpreter has: builtin
    # containers, instances of Python classes (reconstructed without calling __init__, their
    # __dict__ copied, `__copy__`/`__deepcopy__`/`__getstate__`/`__setstate__` honoured), dict
    # and tuple subclasses, and tensors (`Tensor.__deepcopy__`; a shallow copy shares storage).

    class Error(Exception):
        __module__ = 'copy'

    _atomic = (type(None), int, float, bool, str, range, type, slice)
    _callables = ('function', 'builtin_function_or_method', 'method', 'module', 'property',
                  'staticmethod', 'classmethod', 'dtype', 'device', 'ellipsis', 'NotImplementedType')

    def _is_atomic(x):
        return isinstance(x, _atomic) or type(x).__name__ in _callables

    def _is_tensor(x):
        return type(x).__name__ in ('Tensor', 'Parameter') and hasattr(x, 'grad_fn')

    def _cannot(x):
        return TypeError(f"cannot pickle '{type(x).__name__}' object")

    def copy(x):
        cls = type(x)
        if cls is list or cls is dict or cls is set:
            return cls(x)
        if cls is tuple or _is_atomic(x):
            return x
        copier = getattr(cls, '__copy__', None)
        if copier is not None:
            return copier(x)
        if _is_tensor(x):
            y = x.detach()
            if cls.__name__ == 'Parameter':
                return cls(y, x.requires_grad)
            return y.requires_grad_(x.requires_grad)
        return _reconstruct(x, None, False)

    def deepcopy(x, memo=None, _nil=[]):
        if memo is None:
            memo = {}
        d = id(x)
        y = memo.get(d, _nil)
        if y is not _nil:
            return y
        cls = type(x)
        if _is_atomic(x):
            return x
        if cls is list:
            y = []
            memo[d] = y
            for a in x:
                y.append(deepcopy(a, memo))
        elif cls is dict:
            y = {}
            memo[d] = y
            for k, v in x.items():
                y[deepcopy(k, memo)] = deepcopy(v, memo)
        elif cls is set:
            y = set(deepcopy(a, memo) for a in x)
        elif cls is tuple:
            y = tuple(deepcopy(a, memo) for a in x)
            if d in memo:
                return memo[d]
            if all(a is b for a, b in zip(x, y)):
                y = x
        else:
            copier = getattr(x, '__deepcopy__', None)
            if copier is not None and not isinstance(x, type):
                y = copier(memo)
            else:
                y = _reconstruct(x, memo, True)
        if y is not x:
            memo[d] = y
            _keep_alive(x, memo)
        return y

    def _keep_alive(x, memo):
        try:
            memo[id(memo)].append(x)
        except KeyError:
            memo[id(memo)] = [x]

    def _reconstruct(x, memo, deep):
        cls = type(x)
        if _is_tensor(x):
            raise _cannot(x)
        if not hasattr(x, '__dict__') and not isinstance(x, (dict, tuple)):
            if cls.__name__ == 'generator':
                raise _cannot(x)
            # other objects of the interpreter's own (torch.Size, dtypes, generators, ...)
            return x
        if isinstance(x, tuple):
            getnewargs = getattr(x, '__getnewargs__', None)
            args = getnewargs() if getnewargs is not None else (tuple(x),)
            if deep:
                args = deepcopy(args, memo)
            y = cls.__new__(cls, *args)
        else:
            y = cls.__new__(cls)
        if deep:
            memo[id(x)] = y
        getstate = getattr(x, '__getstate__', None)
        state = getstate() if getstate is not None else getattr(x, '__dict__', None)
        if state:
            if deep:
                state = deepcopy(state, memo)
            setstate = getattr(y, '__setstate__', None)
            if setstate is not None:
                setstate(state)
            else:
                for k, v in state.items():
                    setattr(y, k, v)
        if isinstance(x, dict):
            for k, v in x.items():
                if deep:
                    k = deepcopy(k, memo)
                    v = deepcopy(v, memo)
                y[k] = v
        return y

    return {'copy': copy, 'deepcopy': deepcopy, 'Error': Error, 'error': Error}
