def __build_itertools():
    return {}
