from torch.utils.data import DataLoader, Dataset

samples = [(1, 2.5, {'a': True, 'b': [3, 4]}, 'p'), (5, 6.5, {'a': False, 'b': [7, 8]}, 'q')]
batch = next(iter(DataLoader(samples, batch_size=2)))
print(batch)
print(batch[0].dtype, batch[1].dtype, batch[2]['a'].dtype)


class Squares(Dataset):
    def __len__(self):
        return 5

    def __getitem__(self, i):
        return i * i


for b in DataLoader(Squares(), batch_size=3):
    print(b)
print(list(DataLoader(Squares(), batch_size=None)))
