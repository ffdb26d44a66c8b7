def __build_functools():
    return {}
