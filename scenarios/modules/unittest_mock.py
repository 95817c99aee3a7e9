# unittest.mock: calls recorded, children, return_value and side_effect,
# the assertions and their messages per version, MagicMock's magic
# methods, spec, patch and patch.object (context manager, decorator),
# AsyncMock, call and ANY, as CPython's unittest.mock gives them.
import asyncio
import logging
from unittest import mock


class K:
    @staticmethod
    def s():
        return 's'

    @classmethod
    def c(cls):
        return cls.__name__

    def m(self):
        return 'm'


print('dict' , 's' in K.__dict__, type(K.__dict__['s']).__name__)
m = mock.Mock()
print(m.called, m.call_count, m.call_args)
r = m(1, x=2)
print(r is m.return_value, m.called, m.call_count, m.call_args, m.call_args_list)
print(m.call_args == mock.call(1, x=2), m.call_args == ((1,), {'x': 2}), m.call_args.args, m.call_args.kwargs)
m.assert_called_once_with(1, x=2)
m.assert_called_with(1, x=mock.ANY)
m.foo.bar(3)
print(m.mock_calls, m.method_calls)
print(m.foo.bar.call_args)
try:
    m.assert_called_with(2)
except AssertionError as e:
    print('AE', e)
try:
    mock.Mock().assert_called_once_with(2)
except AssertionError as e:
    print('AE', e)
try:
    m.assert_not_called()
except AssertionError as e:
    print('AE', e)
try:
    m.assret_called()
except AttributeError as e:
    print('AttributeError', e)
m2 = mock.Mock(return_value=7, side_effect=[1, ValueError('x'), mock.DEFAULT])
print(m2(), end=' ')
try:
    m2()
except ValueError as e:
    print('VE', e, end=' ')
print(m2())
m3 = mock.Mock(side_effect=lambda a: a * 2)
print(m3(21), m3.call_count)
m3.reset_mock()
print(m3.called, m3.call_count, m3.call_args_list)
mm = mock.MagicMock()
print(len(mm), list(mm), 3 in mm, bool(mm), int(mm))
with mm as v:
    print(v is mm.__enter__.return_value if False else 'entered')
p = mock.Mock(spec=K)
print(repr(p.m())[:24], type(p.m).__name__)
try:
    p.nope
except AttributeError as e:
    print('AE', e)
with mock.patch('logging.getLogger') as gl:
    logging.getLogger('x').error('boom')
    print(gl.called, gl.call_args, gl.return_value.error.call_args)
print(logging.getLogger('y').name)
with mock.patch.object(K, 's', return_value='patched'):
    print(K.s())
print(K.s(), K.c())


@mock.patch('logging.getLogger')
def decorated(a, gl):
    gl('z')
    return a, gl.call_args


print(decorated(5))
am = mock.AsyncMock(return_value=3)


async def main():
    print(await am(1), am.await_count, am.call_args)


asyncio.run(main())
print(repr(mock.call(1, a=2)), repr(mock.call.foo(1)), mock.sentinel.x, repr(mock.ANY))
n = mock.Mock(name='named')
print(repr(n.a.b)[:28], n.a.b._mock_name)
