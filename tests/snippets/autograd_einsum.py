import torch
# torch.einsum as ATen computes it (permute, unsqueeze, bmm, view, sum): the graph's nodes and
# the gradients for the patterns learners write
A = torch.tensor([[1.0, -2.0, 0.5], [3.0, 0.25, -1.0]], requires_grad=True)
B = torch.tensor([[0.5, 1.0, -1.0, 2.0], [1.5, -0.5, 0.0, 1.0], [-2.0, 0.75, 1.0, -1.5]], requires_grad=True)
S = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.5]], requires_grad=True)
v = torch.tensor([1.0, -1.0, 2.0], requires_grad=True)
w = torch.tensor([0.5, 2.0, -3.0], requires_grad=True)
C = torch.arange(24.).reshape(2, 3, 4).requires_grad_()
D = torch.arange(16.).reshape(2, 4, 2).requires_grad_()
for eq, ops in [('ij,jk->ik', (A, B)), ('ij->ji', (A,)), ('ij->', (A,)), ('ii->', (S,)), ('ii->i', (S,)),
                ('i,i->', (v, w)), ('i,j->ij', (v, w)), ('bij,bjk->bik', (C, D)), ('ij->i', (A,)),
                ('ij,ij->ij', (A, A)), ('ij,j->i', (A, v)), ('ij,jk', (A, B)), ('...ij,...jk->...ik', (C, D)),
                ('bi,bi->b', (A, A)), ('i,i,i->', (v, w, v)), ('ij,jk->ki', (A, B)), ('ij,kj->ik', (A, A))]:
    r = torch.einsum(eq, *ops)
    print(eq, r, r.grad_fn.next_functions)
    r.sum().backward()
    print([t.grad for t in ops])
    for t in (A, B, S, v, w, C, D):
        t.grad = None
r = torch.einsum('ij,jk->ki', A, B)
print(r.grad_fn.next_functions[0][0].next_functions[0][0].next_functions[0][0].next_functions)
print(torch.einsum('ij,jk->ik', [A, B]).shape, torch.einsum('i,i', torch.tensor([1, 2]), torch.tensor([3, 4])))
for eq, ops in [('ij->k', (A,)), ('ij->ii', (A,)), ('ij', (v,)), ('ij,jk', (A,)), ('i..j', (A,)), ('ii', (A,))]:
    try:
        torch.einsum(eq, *ops)
    except RuntimeError as e:
        print('RuntimeError:', e)
torch.einsum('ij,jk->ik', A, A)
