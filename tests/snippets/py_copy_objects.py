import copy


class Node:
    def __init__(self, v):
        self.v = v
        self.children = []


root = Node(1)
root.children.append(Node(2))
root.children.append(root)
twin = copy.deepcopy(root)
print(twin is root, twin.v, twin.children[0].v, type(twin).__name__)
print(twin.children[1] is twin, twin.children[0] is root.children[0])
print(copy.copy(root).children is root.children)


class Custom:
    def __copy__(self):
        return 'shallow'

    def __deepcopy__(self, memo):
        return f'deep with a {type(memo).__name__}'


class State:
    def __init__(self):
        self.a = 1

    def __getstate__(self):
        return {'a': self.a + 100}

    def __setstate__(self, state):
        self.b = state['a']


print(copy.copy(Custom()), copy.deepcopy([Custom()]))
print(vars(copy.deepcopy(State())), vars(copy.copy(State())))
