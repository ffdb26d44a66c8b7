def __build_einsum():
    # torch.einsum (prelude.py's `einsum` loads this module on its first call: it is a fifth of
    # the prelude's text, which every page parses before its first output).
    import torch

    def _sumproduct_pair(left, right, sum_dims):
        # ATen's sumproduct_pair (keepdim=True): permute, reshape, bmm, view, permute back
        if not sum_dims:
            return left * right
        lro, lo, ro = [], [], []
        lro_size = lo_size = ro_size = sum_size = 1
        for i in range(left.dim()):
            sl = left.shape[i] != 1
            sr = right.shape[i] != 1
            if i in sum_dims:
                if sl and sr:
                    if left.shape[i] != right.shape[i]:
                        raise RuntimeError('non-broadcast dimensions must match')
                    sum_size *= left.shape[i]
                elif sl:
                    left = left.sum(i, True)
                elif sr:
                    right = right.sum(i, True)
            elif sl and sr:
                if left.shape[i] != right.shape[i]:
                    raise RuntimeError('non-broadcast dimensions must match')
                lro.append(i)
                lro_size *= left.shape[i]
            elif sl:
                lo.append(i)
                lo_size *= left.shape[i]
            else:
                ro.append(i)
                ro_size *= right.shape[i]
        if lo and ro and ro[-1] < lo[0]:
            # the right operand's dims come first in the output: bmm with the operands swapped
            left, right, lo, ro, lo_size, ro_size = right, left, ro, lo, ro_size, lo_size
        out_size = [left.shape[d] for d in lro] + [left.shape[d] for d in lo] + [1] * len(sum_dims) + [right.shape[d] for d in ro]
        operm = [0] * len(out_size)
        for i, d in enumerate(lro + lo + sum_dims + ro):
            operm[d] = i
        left = left.permute(lro + lo + sum_dims + ro).reshape(lro_size, lo_size, sum_size)
        right = right.permute(lro + sum_dims + ro + lo).reshape(lro_size, sum_size, ro_size)
        return torch.bmm(left, right).view(out_size).permute(operm)

    def einsum(*args):
        # torch.functional.einsum over ATen's einsum, step for step (without opt_einsum, as torch
        # here: operands contracted left to right), so the graph has torch's nodes
        if len(args) < 2:
            raise ValueError('einsum(): must specify the equation string and at least one operand, or at least one operand and its subscripts list')
        equation = args[0]
        if not isinstance(equation, str):
            raise NotImplementedError('einsum with the sublist format (operand, subscripts, ...) is not supported here; write the equation string')
        operands = args[1:]
        if len(operands) == 1 and isinstance(operands[0], (list, tuple)):
            return einsum(equation, *operands[0])
        ELL = 52

        def sub(c):
            return ord(c) - 65 if c.isupper() else ord(c) - 97 + 26

        def label(s):
            return chr(s + 65) if s < 26 else chr(s - 26 + 97)
        arrow = equation.find('->')
        lhs = equation if arrow < 0 else equation[:arrow]
        num_ops = len(operands)
        op_labels = [[] for _ in range(num_ops)]
        ell_in_input = False
        curr = 0
        i = 0
        while i < len(lhs):
            c = lhs[i]
            if c == ' ':
                pass
            elif c == '.':
                if ell_in_input:
                    raise RuntimeError(f"einsum(): found '.' for operand {curr} for which an ellipsis was already found")
                if not (i + 2 < len(lhs) and lhs[i + 1] == '.' and lhs[i + 2] == '.'):
                    raise RuntimeError(f"einsum(): found '.' for operand {curr} that is not part of any ellipsis")
                i += 2
                op_labels[curr].append(ELL)
                ell_in_input = True
            elif c == ',':
                curr += 1
                if curr >= num_ops:
                    raise RuntimeError('einsum(): fewer operands were provided than specified in the equation')
                ell_in_input = False
            elif 'a' <= c <= 'z' or 'A' <= c <= 'Z':
                op_labels[curr].append(sub(c))
            else:
                raise RuntimeError(f'einsum(): invalid subscript given at index {i} in the equation string, subscripts must be in [a-zA-Z]')
            i += 1
        if curr != num_ops - 1:
            raise RuntimeError('einsum(): more operands were provided than specified in the equation')
        label_count = [0] * 52
        ell_num_dim = 0
        for k in range(num_ops):
            ndims = operands[k].dim()
            nlabels = len(op_labels[k])
            has_ell = ELL in op_labels[k]
            for s in op_labels[k]:
                if s == ELL:
                    nlabels -= 1
                else:
                    label_count[s] += 1
            if has_ell:
                ell_num_dim = max(ell_num_dim, ndims - nlabels)
            if (nlabels > ndims) if has_ell else (nlabels != ndims):
                if has_ell:
                    raise RuntimeError(f'einsum(): the number of subscripts in the equation ({nlabels}) is more than the number of dimensions ({ndims}) for operand {k}')
                raise RuntimeError(f'einsum(): the number of subscripts in the equation ({nlabels}) does not match the number of dimensions ({ndims}) for operand {k} and no ellipsis was given')
        perm_of = [-1] * 52
        perm_index = 0
        ell_index = 0
        ell_in_output = False
        if arrow < 0:
            perm_index = ell_num_dim
            ell_in_output = True
            for s in range(52):
                if label_count[s] == 1:
                    perm_of[s] = perm_index
                    perm_index += 1
        else:
            rhs = equation[arrow + 2:]
            i = 0
            while i < len(rhs):
                c = rhs[i]
                if c == ' ':
                    pass
                elif c == '.':
                    if ell_in_output:
                        raise RuntimeError("einsum(): found '.' for output but an ellipsis (...) was already found")
                    if not (i + 2 < len(rhs) and rhs[i + 1] == '.' and rhs[i + 2] == '.'):
                        raise RuntimeError("einsum(): found '.' for output that is not part of any ellipsis (...)")
                    i += 2
                    ell_index = perm_index
                    perm_index += ell_num_dim
                    ell_in_output = True
                elif 'a' <= c <= 'z' or 'A' <= c <= 'Z':
                    s = sub(c)
                    if label_count[s] == 0 or perm_of[s] != -1:
                        why = ' appears more than once in the output' if perm_of[s] > -1 else ' does not appear in the equation for any input operand'
                        raise RuntimeError(f'einsum(): output subscript {c}{why}')
                    perm_of[s] = perm_index
                    perm_index += 1
                else:
                    raise RuntimeError(f'einsum(): invalid subscript given at index {len(lhs) + 2 + i} in the equation string, subscripts must be in [a-zA-Z]')
                i += 1
        out_num_dim = perm_index
        if not ell_in_output:
            ell_index = perm_index
            perm_index += ell_num_dim
        for s in range(52):
            if label_count[s] > 0 and perm_of[s] == -1:
                perm_of[s] = perm_index
                perm_index += 1
        label_size = [1] * 52
        ell_sizes = [1] * ell_num_dim
        dim_counts = [0] * perm_index
        ops = []
        for k in range(num_ops):
            op = operands[k]
            permutation = [-1] * perm_index
            dim = 0
            for s in op_labels[k]:
                if s == ELL:
                    ndim = operands[k].dim() - (len(op_labels[k]) - 1)
                    for j in range(ell_num_dim - ndim, ell_num_dim):
                        if op.shape[dim] != 1:
                            if ell_sizes[j] != 1 and ell_sizes[j] != op.shape[dim]:
                                raise RuntimeError(f'einsum(): dimension {dim} covered by ellipsis in operand {k}has size {op.shape[dim]} which does not broadcast with previously seen ellipsis with size {ell_sizes[j]} for the respective dimension')
                            ell_sizes[j] = op.shape[dim]
                            dim_counts[ell_index + j] += 1
                        permutation[ell_index + j] = dim
                        dim += 1
                elif permutation[perm_of[s]] == -1:
                    if op.shape[dim] != 1:
                        if label_size[s] != 1 and label_size[s] != op.shape[dim]:
                            raise RuntimeError(f'einsum(): subscript {label(s)} has size {op.shape[dim]} for operand {k} which does not broadcast with previously seen size {label_size[s]}')
                        label_size[s] = op.shape[dim]
                        dim_counts[perm_of[s]] += 1
                    permutation[perm_of[s]] = dim
                    dim += 1
                else:
                    prev = permutation[perm_of[s]]
                    if op.shape[dim] != op.shape[prev]:
                        raise RuntimeError(f"einsum(): subscript {label(s)} is repeated for operand {k} but the sizes don't match, {op.shape[dim]} != {op.shape[prev]}")
                    if op.dim() != 2:
                        raise NotImplementedError('einsum with a repeated subscript is supported here only for a matrix (such as ii->i or ii)')
                    op = op.diagonal(0)
                    order = list(range(op.dim() - 1))
                    order.insert(prev, op.dim() - 1)
                    op = op.permute(order)
            for j in range(perm_index):
                if permutation[j] == -1:
                    op = op.unsqueeze(dim)
                    permutation[j] = dim
                    dim += 1
            ops.append(op.permute(permutation))
        while len(ops) > 1:
            a, b = ops[0], ops[1]
            del ops[:2]
            sum_dims, a_sum, b_sum = [], [], []
            for d in range(out_num_dim, perm_index):
                if a.shape[d] != 1 and b.shape[d] != 1:
                    dim_counts[d] -= 1
                    if dim_counts[d] == 1:
                        sum_dims.append(d)
                        dim_counts[d] = 0
                elif dim_counts[d] == 1:
                    if a.shape[d] != 1:
                        a_sum.append(d)
                        dim_counts[d] = 0
                    elif b.shape[d] != 1:
                        b_sum.append(d)
                        dim_counts[d] = 0
            if a_sum:
                a = a.sum(a_sum, True)
            if b_sum:
                b = b.sum(b_sum, True)
            ops.insert(0, _sumproduct_pair(a, b, sum_dims))
        if perm_index - out_num_dim > 0:
            if num_ops > 1:
                return ops[0].view(list(ops[0].shape)[:out_num_dim])
            return ops[0].sum(list(range(out_num_dim, perm_index)))
        return ops[0]

    return {'einsum': einsum}
