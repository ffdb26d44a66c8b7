import torch
import torch.nn as nn

torch.manual_seed(0)
emb = nn.Embedding(5, 3)
print(emb)
print(emb.weight)
pad = nn.Embedding(10, 3, padding_idx=0)
print(pad)
print(pad.weight)
print(nn.Embedding(10, 3, padding_idx=-1), nn.Embedding(4, 2, max_norm=1.0))
print(emb.num_embeddings, emb.embedding_dim, emb.padding_idx)
