def __build_data():
    # torch.utils.data as PyTorch 2.15 (dataset.py, sampler.py, dataloader.py,
    # _utils/collate.py), single process: same samples, batches and RNG draws.
    import torch
    import math

    class Dataset:
        __module__ = 'torch.utils.data.dataset'

        def __getitem__(self, index):
            raise NotImplementedError('Subclasses of Dataset should implement __getitem__.')

    class TensorDataset(Dataset):
        __module__ = 'torch.utils.data.dataset'

        def __init__(self, *tensors):
            if any(tensors[0].size(0) != tensor.size(0) for tensor in tensors):
                raise AssertionError('Size mismatch between tensors')
            self.tensors = tensors

        def __getitem__(self, index):
            return tuple(tensor[index] for tensor in self.tensors)

        def __len__(self):
            return self.tensors[0].size(0)

    class Subset(Dataset):
        __module__ = 'torch.utils.data.dataset'

        def __init__(self, dataset, indices):
            self.dataset = dataset
            self.indices = indices

        def __getitem__(self, idx):
            if isinstance(idx, list):
                return self.dataset[[self.indices[i] for i in idx]]
            return self.dataset[self.indices[idx]]

        def __getitems__(self, indices):
            return [self.dataset[self.indices[idx]] for idx in indices]

        def __len__(self):
            return len(self.indices)

    def random_split(dataset, lengths, generator=None):
        if math.isclose(sum(lengths), 1) and sum(lengths) <= 1:
            subset_lengths = []
            for i, frac in enumerate(lengths):
                if frac < 0 or frac > 1:
                    raise ValueError(f'Fraction at index {i} is not between 0 and 1')
                subset_lengths.append(math.floor(len(dataset) * frac))
            remainder = len(dataset) - sum(subset_lengths)
            for i in range(remainder):
                subset_lengths[i % len(subset_lengths)] += 1
            lengths = subset_lengths
        if sum(lengths) != len(dataset):
            raise ValueError('Sum of input lengths does not equal the length of the input dataset!')
        indices = torch.randperm(sum(lengths), generator=generator).tolist()
        out = []
        offset = 0
        for length in lengths:
            offset += length
            out.append(Subset(dataset, indices[offset - length:offset]))
        return out

    class Sampler:
        __module__ = 'torch.utils.data.sampler'

    class SequentialSampler(Sampler):
        __module__ = 'torch.utils.data.sampler'

        def __init__(self, data_source):
            self.data_source = data_source

        def __iter__(self):
            return iter(range(len(self.data_source)))

        def __len__(self):
            return len(self.data_source)

    class RandomSampler(Sampler):
        __module__ = 'torch.utils.data.sampler'

        def __init__(self, data_source, replacement=False, num_samples=None, generator=None):
            self.data_source = data_source
            self.replacement = replacement
            self._num_samples = num_samples
            self.generator = generator
            if not isinstance(self.replacement, bool):
                raise TypeError(f'replacement should be a boolean value, but got replacement={self.replacement}')
            if not isinstance(self.num_samples, int) or self.num_samples <= 0:
                raise ValueError(f'num_samples should be a positive integer value, but got num_samples={self.num_samples}')

        @property
        def num_samples(self):
            if self._num_samples is None:
                return len(self.data_source)
            return self._num_samples

        def __iter__(self):
            n = len(self.data_source)
            if self.generator is None:
                generator = torch.Generator()
                generator.manual_seed(torch._draw_seed(None))
            else:
                generator = self.generator
            if self.replacement:
                for _ in range(self.num_samples // 32):
                    yield from torch.randint(high=n, size=(32,), dtype=torch.int64, generator=generator).tolist()
                yield from torch.randint(high=n, size=(self.num_samples % 32,), dtype=torch.int64, generator=generator).tolist()
            else:
                for _ in range(self.num_samples // n):
                    yield from torch.randperm(n, generator=generator).tolist()
                yield from torch.randperm(n, generator=generator).tolist()[:self.num_samples % n]

        def __len__(self):
            return self.num_samples

    class BatchSampler(Sampler):
        __module__ = 'torch.utils.data.sampler'

        def __init__(self, sampler, batch_size, drop_last):
            if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size <= 0:
                raise ValueError(f'batch_size should be a positive integer value, but got batch_size={batch_size}')
            if not isinstance(drop_last, bool):
                raise ValueError(f'drop_last should be a boolean value, but got drop_last={drop_last}')
            self.sampler = sampler
            self.batch_size = batch_size
            self.drop_last = drop_last

        def __iter__(self):
            batch = []
            for idx in self.sampler:
                batch.append(idx)
                if len(batch) == self.batch_size:
                    yield batch
                    batch = []
            if batch and not self.drop_last:
                yield batch

        def __len__(self):
            if self.drop_last:
                return len(self.sampler) // self.batch_size
            return (len(self.sampler) + self.batch_size - 1) // self.batch_size

    def default_collate(batch):
        elem = batch[0]
        if isinstance(elem, torch.Tensor):
            return torch.stack(batch, 0)
        if isinstance(elem, float):
            return torch.tensor(batch, dtype=torch.float64)
        if isinstance(elem, int):
            return torch.tensor(batch)
        if isinstance(elem, str):
            return batch
        if isinstance(elem, dict):
            out = dict(elem)
            for key in elem:
                out[key] = default_collate([d[key] for d in batch])
            return out
        if isinstance(elem, (tuple, list)):
            elem_size = len(elem)
            if not all(len(e) == elem_size for e in batch):
                raise RuntimeError('each element in list of batch should be of equal size')
            transposed = list(zip(*batch))
            if isinstance(elem, tuple):
                return [default_collate(samples) for samples in transposed]
            out = list(elem)
            for i, samples in enumerate(transposed):
                out[i] = default_collate(samples)
            return out
        raise TypeError(f"default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found {type(elem)}")

    def default_convert(data):
        return data

    class _SingleProcessDataLoaderIter:
        __module__ = 'torch.utils.data.dataloader'

        def __init__(self, loader):
            self._dataset = loader.dataset
            self._auto_collation = loader.batch_sampler is not None
            self._collate_fn = loader.collate_fn
            self._index_sampler = loader.batch_sampler if self._auto_collation else loader.sampler
            self._sampler_iter = iter(self._index_sampler)
            self._base_seed = torch._draw_seed(loader.generator)
            self._num_yielded = 0

        def __iter__(self):
            return self

        def __next__(self):
            index = next(self._sampler_iter)
            if self._auto_collation:
                getitems = getattr(self._dataset, '__getitems__', None)
                if getitems:
                    data = getitems(index)
                else:
                    data = [self._dataset[idx] for idx in index]
            else:
                data = self._dataset[index]
            self._num_yielded += 1
            return self._collate_fn(data)

        def __len__(self):
            return len(self._index_sampler)

    class DataLoader:
        __module__ = 'torch.utils.data.dataloader'

        def __init__(self, dataset, batch_size=1, shuffle=None, sampler=None, batch_sampler=None, num_workers=0, collate_fn=None, pin_memory=False, drop_last=False, timeout=0, worker_init_fn=None, multiprocessing_context=None, generator=None, *, prefetch_factor=None, persistent_workers=False, pin_memory_device='', in_order=True):
            if num_workers < 0:
                raise ValueError('num_workers option should be non-negative; use num_workers=0 to disable multiprocessing.')
            if timeout < 0:
                raise ValueError('timeout option should be non-negative')
            self.dataset = dataset
            self.num_workers = num_workers
            self.pin_memory = pin_memory
            self.timeout = timeout
            self.worker_init_fn = worker_init_fn
            if sampler is not None and shuffle:
                raise ValueError('sampler option is mutually exclusive with shuffle')
            if batch_sampler is not None:
                if batch_size != 1 or shuffle or sampler is not None or drop_last:
                    raise ValueError('batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last')
                batch_size = None
                drop_last = False
            elif batch_size is None:
                if drop_last:
                    raise ValueError('batch_size=None option disables auto-batching and is mutually exclusive with drop_last')
            if sampler is None:
                if shuffle:
                    sampler = RandomSampler(dataset, generator=generator)
                else:
                    sampler = SequentialSampler(dataset)
            if batch_size is not None and batch_sampler is None:
                batch_sampler = BatchSampler(sampler, batch_size, drop_last)
            self.batch_size = batch_size
            self.drop_last = drop_last
            self.sampler = sampler
            self.batch_sampler = batch_sampler
            self.generator = generator
            if collate_fn is None:
                collate_fn = default_collate if batch_sampler is not None else default_convert
            self.collate_fn = collate_fn

        def __iter__(self):
            return _SingleProcessDataLoaderIter(self)

        def __len__(self):
            if self.batch_sampler is not None:
                return len(self.batch_sampler)
            return len(self.sampler)

    return {
        'Dataset': Dataset, 'TensorDataset': TensorDataset, 'Subset': Subset,
        'random_split': random_split, 'Sampler': Sampler, 'SequentialSampler': SequentialSampler,
        'RandomSampler': RandomSampler, 'BatchSampler': BatchSampler, 'DataLoader': DataLoader,
        'default_collate': default_collate, 'default_convert': default_convert,
    }
