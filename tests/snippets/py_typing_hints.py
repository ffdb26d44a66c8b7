# Type hints run: typing's names import, aliases subscript, annotations are not checked.
from typing import List, Dict, Optional, Tuple, Union, Any, Callable
import typing
Vector = List[float]
def scale(v: Vector, k: float = 2.0) -> Vector:
    return [k * x for x in v]
def find(d: Dict[str, int], key: str) -> Optional[int]:
    return d.get(key)
def apply(f: Callable[[int], int], xs: typing.List[int]) -> Tuple[int, ...]:
    return tuple(f(x) for x in xs)
history: List[float] = []
history.append(0.5)
print(scale([1.0, 2.5]), find({"a": 1}, "b"), apply(lambda x: x * x, [1, 2, 3]), history)
def g(x: Union[int, str], y: Any = None) -> None:
    print(x, y)
g(3)
