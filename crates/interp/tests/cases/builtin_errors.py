def case_1():
    try:
        a.b + 1
        print('a.b + 1', 'OK')
    except BaseException as e:
        print('a.b + 1', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_1()

def case_2():
    try:
        undefined_name
        print('undefined_name', 'OK')
    except BaseException as e:
        print('undefined_name', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_2()

def case_3():
    try:
        1 + 'a'
        print("1 + 'a'", 'OK')
    except BaseException as e:
        print("1 + 'a'", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_3()

def case_4():
    try:
        'a' + 1
        print("'a' + 1", 'OK')
    except BaseException as e:
        print("'a' + 1", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_4()

def case_5():
    try:
        [1] + (1,)
        print('[1] + (1,)', 'OK')
    except BaseException as e:
        print('[1] + (1,)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_5()

def case_6():
    try:
        1/0
        print('1/0', 'OK')
    except BaseException as e:
        print('1/0', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_6()

def case_7():
    try:
        1//0
        print('1//0', 'OK')
    except BaseException as e:
        print('1//0', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_7()

def case_8():
    try:
        1%0
        print('1%0', 'OK')
    except BaseException as e:
        print('1%0', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_8()

def case_9():
    try:
        1.0/0
        print('1.0/0', 'OK')
    except BaseException as e:
        print('1.0/0', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_9()

def case_10():
    try:
        [1,2][5]
        print('[1,2][5]', 'OK')
    except BaseException as e:
        print('[1,2][5]', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_10()

def case_11():
    try:
        (1,)[3]
        print('(1,)[3]', 'OK')
    except BaseException as e:
        print('(1,)[3]', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_11()

def case_12():
    try:
        'ab'[9]
        print("'ab'[9]", 'OK')
    except BaseException as e:
        print("'ab'[9]", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_12()

def case_13():
    try:
        {}['k']
        print("{}['k']", 'OK')
    except BaseException as e:
        print("{}['k']", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_13()

def case_14():
    try:
        {}[(1,2)]
        print('{}[(1,2)]', 'OK')
    except BaseException as e:
        print('{}[(1,2)]', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_14()

def case_15():
    try:
        int('x')
        print("int('x')", 'OK')
    except BaseException as e:
        print("int('x')", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_15()

def case_16():
    try:
        float('abc')
        print("float('abc')", 'OK')
    except BaseException as e:
        print("float('abc')", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_16()

def case_17():
    try:
        None.foo
        print('None.foo', 'OK')
    except BaseException as e:
        print('None.foo', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_17()

def case_18():
    try:
        (1).foo
        print('(1).foo', 'OK')
    except BaseException as e:
        print('(1).foo', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_18()

def case_19():
    try:
        'a'.foo
        print("'a'.foo", 'OK')
    except BaseException as e:
        print("'a'.foo", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_19()

def case_20():
    try:
        [].foo
        print('[].foo', 'OK')
    except BaseException as e:
        print('[].foo', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_20()

def case_21():
    try:
        len(5)
        print('len(5)', 'OK')
    except BaseException as e:
        print('len(5)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_21()

def case_22():
    try:
        abs('a')
        print("abs('a')", 'OK')
    except BaseException as e:
        print("abs('a')", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_22()

def case_23():
    try:
        f()
        print('f()', 'OK')
    except BaseException as e:
        print('f()', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_23()

def case_24():
    try:
        def g(a): pass
        g()
        print('def g(a): pass\ng()', 'OK')
    except BaseException as e:
        print('def g(a): pass\ng()', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_24()

def case_25():
    try:
        def g(a): pass
        g(1,2)
        print('def g(a): pass\ng(1,2)', 'OK')
    except BaseException as e:
        print('def g(a): pass\ng(1,2)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_25()

def case_26():
    try:
        def g(a): pass
        g(b=1)
        print('def g(a): pass\ng(b=1)', 'OK')
    except BaseException as e:
        print('def g(a): pass\ng(b=1)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_26()

def case_27():
    try:
        def g(a): pass
        g(1, a=2)
        print('def g(a): pass\ng(1, a=2)', 'OK')
    except BaseException as e:
        print('def g(a): pass\ng(1, a=2)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_27()

def case_28():
    try:
        None()
        print('None()', 'OK')
    except BaseException as e:
        print('None()', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_28()

def case_29():
    try:
        5()
        print('5()', 'OK')
    except BaseException as e:
        print('5()', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_29()

def case_30():
    try:
        'a'()
        print("'a'()", 'OK')
    except BaseException as e:
        print("'a'()", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_30()

def case_31():
    try:
        x = [1]; x[0:1:0]
        print('x = [1]; x[0:1:0]', 'OK')
    except BaseException as e:
        print('x = [1]; x[0:1:0]', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_31()

def case_32():
    try:
        2.0 ** 10000
        print('2.0 ** 10000', 'OK')
    except BaseException as e:
        print('2.0 ** 10000', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_32()

def case_33():
    try:
        0 ** -1
        print('0 ** -1', 'OK')
    except BaseException as e:
        print('0 ** -1', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_33()

def case_34():
    try:
        0.0 ** -1
        print('0.0 ** -1', 'OK')
    except BaseException as e:
        print('0.0 ** -1', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_34()

def case_35():
    try:
        import numpy
        print('import numpy', 'OK')
    except BaseException as e:
        print('import numpy', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_35()

def case_37():
    try:
        from foo import bar
        print('from foo import bar', 'OK')
    except BaseException as e:
        print('from foo import bar', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_37()

def case_39():
    try:
        [].pop()
        print('[].pop()', 'OK')
    except BaseException as e:
        print('[].pop()', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_39()

def case_40():
    try:
        [1].index(5)
        print('[1].index(5)', 'OK')
    except BaseException as e:
        print('[1].index(5)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_40()

def case_41():
    try:
        'abc'.index('z')
        print("'abc'.index('z')", 'OK')
    except BaseException as e:
        print("'abc'.index('z')", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_41()

def case_42():
    try:
        {}.pop('a')
        print("{}.pop('a')", 'OK')
    except BaseException as e:
        print("{}.pop('a')", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_42()

def case_43():
    try:
        a, b = 1, 2, 3
        print('a, b = 1, 2, 3', 'OK')
    except BaseException as e:
        print('a, b = 1, 2, 3', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_43()

def case_44():
    try:
        a, b, c = 1, 2
        print('a, b, c = 1, 2', 'OK')
    except BaseException as e:
        print('a, b, c = 1, 2', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_44()

def case_45():
    try:
        a, b = 1
        print('a, b = 1', 'OK')
    except BaseException as e:
        print('a, b = 1', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_45()

def case_46():
    try:
        int(None)
        print('int(None)', 'OK')
    except BaseException as e:
        print('int(None)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_46()

def case_47():
    try:
        max([])
        print('max([])', 'OK')
    except BaseException as e:
        print('max([])', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_47()

def case_48():
    try:
        min()
        print('min()', 'OK')
    except BaseException as e:
        print('min()', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_48()

def case_49():
    try:
        sum(['a'])
        print("sum(['a'])", 'OK')
    except BaseException as e:
        print("sum(['a'])", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_49()

def case_50():
    try:
        sorted([1,'a'])
        print("sorted([1,'a'])", 'OK')
    except BaseException as e:
        print("sorted([1,'a'])", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_50()

def case_51():
    try:
        1 < 'a'
        print("1 < 'a'", 'OK')
    except BaseException as e:
        print("1 < 'a'", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_51()

def case_52():
    try:
        [1,2] < 3
        print('[1,2] < 3', 'OK')
    except BaseException as e:
        print('[1,2] < 3', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_52()

def case_53():
    try:
        -'a'
        print("-'a'", 'OK')
    except BaseException as e:
        print("-'a'", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_53()

def case_54():
    try:
        ~1.5
        print('~1.5', 'OK')
    except BaseException as e:
        print('~1.5', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_54()

def case_55():
    try:
        hash([])
        print('hash([])', 'OK')
    except BaseException as e:
        print('hash([])', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_55()

def case_56():
    try:
        {[1]: 2}
        print('{[1]: 2}', 'OK')
    except BaseException as e:
        print('{[1]: 2}', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_56()

def case_57():
    try:
        raise ValueError('bad')
        print("raise ValueError('bad')", 'OK')
    except BaseException as e:
        print("raise ValueError('bad')", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_57()

def case_58():
    try:
        raise ValueError
        print('raise ValueError', 'OK')
    except BaseException as e:
        print('raise ValueError', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_58()

def case_59():
    try:
        assert 1 == 2
        print('assert 1 == 2', 'OK')
    except BaseException as e:
        print('assert 1 == 2', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_59()

def case_60():
    try:
        assert False, 'msg'
        print("assert False, 'msg'", 'OK')
    except BaseException as e:
        print("assert False, 'msg'", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_60()

def case_61():
    try:
        raise 5
        print('raise 5', 'OK')
    except BaseException as e:
        print('raise 5', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_61()

def case_62():
    try:
        x = 5
        del x
        x
        print('x = 5\ndel x\nx', 'OK')
    except BaseException as e:
        print('x = 5\ndel x\nx', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_62()

def case_63():
    try:
        def f():
          y
          y = 1
        f()
        print('def f():\n  y\n  y = 1\nf()', 'OK')
    except BaseException as e:
        print('def f():\n  y\n  y = 1\nf()', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_63()

def case_64():
    try:
        def r(): r()
        r()
        print('def r(): r()\nr()', 'OK')
    except BaseException as e:
        print('def r(): r()\nr()', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_64()

def case_65():
    try:
        '%d' % 'a'
        print("'%d' % 'a'", 'OK')
    except BaseException as e:
        print("'%d' % 'a'", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_65()

def case_66():
    try:
        round(1.5, 'a')
        print("round(1.5, 'a')", 'OK')
    except BaseException as e:
        print("round(1.5, 'a')", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_66()

def case_67():
    try:
        list(5)
        print('list(5)', 'OK')
    except BaseException as e:
        print('list(5)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_67()

def case_68():
    try:
        iter(5)
        print('iter(5)', 'OK')
    except BaseException as e:
        print('iter(5)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_68()

def case_69():
    try:
        next(iter([]))
        print('next(iter([]))', 'OK')
    except BaseException as e:
        print('next(iter([]))', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_69()

def case_70():
    try:
        range(1.5)
        print('range(1.5)', 'OK')
    except BaseException as e:
        print('range(1.5)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_70()

def case_71():
    try:
        'a' * 'b'
        print("'a' * 'b'", 'OK')
    except BaseException as e:
        print("'a' * 'b'", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_71()

def case_72():
    try:
        [1] * 2.0
        print('[1] * 2.0', 'OK')
    except BaseException as e:
        print('[1] * 2.0', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_72()

def case_73():
    try:
        'x'.join([1])
        print("'x'.join([1])", 'OK')
    except BaseException as e:
        print("'x'.join([1])", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_73()

def case_74():
    try:
        dict([1])
        print('dict([1])', 'OK')
    except BaseException as e:
        print('dict([1])', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_74()

def case_75():
    try:
        int('12', 99)
        print("int('12', 99)", 'OK')
    except BaseException as e:
        print("int('12', 99)", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_75()

def case_76():
    try:
        chr(-1)
        print('chr(-1)', 'OK')
    except BaseException as e:
        print('chr(-1)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_76()

def case_77():
    try:
        class A: pass
        A().x
        print('class A: pass\nA().x', 'OK')
    except BaseException as e:
        print('class A: pass\nA().x', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_77()

def case_78():
    try:
        class A: pass
        A.x
        print('class A: pass\nA.x', 'OK')
    except BaseException as e:
        print('class A: pass\nA.x', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_78()

def case_80():
    try:
        import math
        math.sqrt(-1)
        print('import math\nmath.sqrt(-1)', 'OK')
    except BaseException as e:
        print('import math\nmath.sqrt(-1)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_80()

def case_81():
    try:
        import math
        math.log(0)
        print('import math\nmath.log(0)', 'OK')
    except BaseException as e:
        print('import math\nmath.log(0)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_81()

def case_82():
    try:
        x = 1
        x.y = 2
        print('x = 1\nx.y = 2', 'OK')
    except BaseException as e:
        print('x = 1\nx.y = 2', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_82()

def case_83():
    try:
        'abc'[0] = 'x'
        print("'abc'[0] = 'x'", 'OK')
    except BaseException as e:
        print("'abc'[0] = 'x'", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_83()

def case_84():
    try:
        t=(1,)
        t[0]=2
        print('t=(1,)\nt[0]=2', 'OK')
    except BaseException as e:
        print('t=(1,)\nt[0]=2', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_84()

def case_85():
    try:
        del [][0]
        print('del [][0]', 'OK')
    except BaseException as e:
        print('del [][0]', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_85()

def case_86():
    try:
        print(1, sep=5)
        print('print(1, sep=5)', 'OK')
    except BaseException as e:
        print('print(1, sep=5)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_86()

def case_87():
    try:
        print(foo=1)
        print('print(foo=1)', 'OK')
    except BaseException as e:
        print('print(foo=1)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_87()

def case_88():
    try:
        len()
        print('len()', 'OK')
    except BaseException as e:
        print('len()', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_88()

def case_89():
    try:
        len(1,2)
        print('len(1,2)', 'OK')
    except BaseException as e:
        print('len(1,2)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_89()

def case_90():
    try:
        isinstance(1, 5)
        print('isinstance(1, 5)', 'OK')
    except BaseException as e:
        print('isinstance(1, 5)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_90()

def case_91():
    try:
        type()
        print('type()', 'OK')
    except BaseException as e:
        print('type()', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_91()

def case_92():
    try:
        getattr(1, 'x')
        print("getattr(1, 'x')", 'OK')
    except BaseException as e:
        print("getattr(1, 'x')", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_92()

def case_93():
    try:
        float('inf') // 0
        print("float('inf') // 0", 'OK')
    except BaseException as e:
        print("float('inf') // 0", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_93()

def case_94():
    try:
        divmod(1, 0)
        print('divmod(1, 0)', 'OK')
    except BaseException as e:
        print('divmod(1, 0)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_94()

def case_95():
    try:
        int(float('inf'))
        print("int(float('inf'))", 'OK')
    except BaseException as e:
        print("int(float('inf'))", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_95()

def case_96():
    try:
        int(float('nan'))
        print("int(float('nan'))", 'OK')
    except BaseException as e:
        print("int(float('nan'))", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_96()

def case_97():
    try:
        [1,2,3].remove(9)
        print('[1,2,3].remove(9)', 'OK')
    except BaseException as e:
        print('[1,2,3].remove(9)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_97()

def case_98():
    try:
        {1:2}.update(5)
        print('{1:2}.update(5)', 'OK')
    except BaseException as e:
        print('{1:2}.update(5)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_98()

def case_99():
    try:
        'abc'.split('')
        print("'abc'.split('')", 'OK')
    except BaseException as e:
        print("'abc'.split('')", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_99()

def case_100():
    try:
        str.upper(5)
        print('str.upper(5)', 'OK')
    except BaseException as e:
        print('str.upper(5)', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_100()

def case_102():
    try:
        {}.get()
        print('{}.get()', 'OK')
    except BaseException as e:
        print('{}.get()', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_102()

def case_103():
    try:
        'a' in 5
        print("'a' in 5", 'OK')
    except BaseException as e:
        print("'a' in 5", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_103()

def case_104():
    try:
        5 in 'a'
        print("5 in 'a'", 'OK')
    except BaseException as e:
        print("5 in 'a'", '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_104()

def case_105():
    try:
        for x in 5: pass
        print('for x in 5: pass', 'OK')
    except BaseException as e:
        print('for x in 5: pass', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_105()

def case_106():
    try:
        x, = []
        print('x, = []', 'OK')
    except BaseException as e:
        print('x, = []', '->', type(e).__name__ + (': ' + str(e) if str(e) else ''))
case_106()
