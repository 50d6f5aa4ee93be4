"""typing for kairos: annotations only. Special forms are placeholders that
can be subscripted (List[int], Optional[str], Callable[[int], str], ...) and
print as in CPython (`typing.List[int]`); nothing is checked at run time.
Not available: class-based NamedTuple and TypedDict (they need metaclasses).
"""

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, (list, tuple)):
        return '[' + ', '.join(_type_repr(a) for a in obj) + ']'
    if callable(obj) and hasattr(obj, '__code__'):
        return obj.__name__
    return repr(obj)


class _GenericAlias:
    """A subscripted form such as List[int]; can be subscripted again."""

    def __init__(self, name, args):
        self._name = name
        self.__args__ = args

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(self._name, self.__args__ + params)

    def __repr__(self):
        if self._name == 'Optional':
            return f'typing.Optional[{_type_repr(self.__args__[0])}]'
        return f'typing.{self._name}[' + ', '.join(_type_repr(a) for a in self.__args__) + ']'

    def __eq__(self, other):
        return (isinstance(other, _GenericAlias) and self._name == other._name
                and self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __call__(self, *args, **kwargs):
        raise TypeError(f'Type {self!r} cannot be instantiated')

    def __or__(self, other):
        return _make_union((self, other))

    def __ror__(self, other):
        return _make_union((other, self))


class _SpecialForm:
    """Any, Optional, List, ...: prints as `typing.Name`, subscripting gives an alias."""

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return f'typing.{self._name}'

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == 'Union':
            return _make_union(params)
        if self._name == 'Optional':
            if len(params) != 1:
                raise TypeError(f'typing.Optional requires a single type. Got {params!r}.')
            if params[0] is None or params[0] is type(None):
                return type(None)
            return _make_union((params[0], None))
        return _GenericAlias(self._name, params)

    def __call__(self, *args, **kwargs):
        raise TypeError(f'Cannot instantiate {self!r}')

    def __or__(self, other):
        return _make_union((self, other))

    def __ror__(self, other):
        return _make_union((other, self))


def _make_union(params):
    flat = []
    for p in params:
        if p is None:
            p = type(None)
        if isinstance(p, _GenericAlias) and p._name in ('Union', 'Optional'):
            members = p.__args__ if p._name == 'Union' else (p.__args__[0], type(None))
        else:
            members = (p,)
        for m in members:
            if m not in flat:
                flat.append(m)
    if len(flat) == 1:
        return flat[0]
    if len(flat) == 2 and type(None) in flat:
        other = flat[0] if flat[1] is type(None) else flat[1]
        return _GenericAlias('Optional', (other, type(None)))
    return _GenericAlias('Union', tuple(flat))


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
Union = _SpecialForm('Union')
Optional = _SpecialForm('Optional')
Literal = _SpecialForm('Literal')
Final = _SpecialForm('Final')
ClassVar = _SpecialForm('ClassVar')
Annotated = _SpecialForm('Annotated')
TypeAlias = _SpecialForm('TypeAlias')
TypeGuard = _SpecialForm('TypeGuard')
Concatenate = _SpecialForm('Concatenate')
Required = _SpecialForm('Required')
NotRequired = _SpecialForm('NotRequired')
Unpack = _SpecialForm('Unpack')

List = _SpecialForm('List')
Dict = _SpecialForm('Dict')
Set = _SpecialForm('Set')
FrozenSet = _SpecialForm('FrozenSet')
Tuple = _SpecialForm('Tuple')
Type = _SpecialForm('Type')
DefaultDict = _SpecialForm('DefaultDict')
OrderedDict = _SpecialForm('OrderedDict')
Counter = _SpecialForm('Counter')
Deque = _SpecialForm('Deque')
ChainMap = _SpecialForm('ChainMap')
Callable = _SpecialForm('Callable')
Awaitable = _SpecialForm('Awaitable')
Coroutine = _SpecialForm('Coroutine')
AsyncIterable = _SpecialForm('AsyncIterable')
AsyncIterator = _SpecialForm('AsyncIterator')
AsyncGenerator = _SpecialForm('AsyncGenerator')
AsyncContextManager = _SpecialForm('AsyncContextManager')
ContextManager = _SpecialForm('ContextManager')
Iterable = _SpecialForm('Iterable')
Iterator = _SpecialForm('Iterator')
Generator = _SpecialForm('Generator')
Reversible = _SpecialForm('Reversible')
Sequence = _SpecialForm('Sequence')
MutableSequence = _SpecialForm('MutableSequence')
Mapping = _SpecialForm('Mapping')
MutableMapping = _SpecialForm('MutableMapping')
AbstractSet = _SpecialForm('AbstractSet')
MutableSet = _SpecialForm('MutableSet')
Collection = _SpecialForm('Collection')
Container = _SpecialForm('Container')
Hashable = _SpecialForm('Hashable')
Sized = _SpecialForm('Sized')
KeysView = _SpecialForm('KeysView')
ValuesView = _SpecialForm('ValuesView')
ItemsView = _SpecialForm('ItemsView')
Pattern = _SpecialForm('Pattern')
Match = _SpecialForm('Match')
SupportsInt = _SpecialForm('SupportsInt')
SupportsFloat = _SpecialForm('SupportsFloat')
SupportsIndex = _SpecialForm('SupportsIndex')
SupportsAbs = _SpecialForm('SupportsAbs')
SupportsRound = _SpecialForm('SupportsRound')

Text = str


class TypeVar:
    """A type variable: prints as ~T (or +T / -T for co/contravariant ones)."""
    __module__ = 'typing'

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__

    def __or__(self, other):
        return _make_union((self, other))


class ParamSpec:
    """A parameter specification variable: prints as ~P."""
    __module__ = 'typing'

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.args = _SpecialForm(f'{name}.args')
        self.kwargs = _SpecialForm(f'{name}.kwargs')

    def __repr__(self):
        return '~' + self.__name__


class TypeVarTuple:
    __module__ = 'typing'

    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__


AnyStr = TypeVar('AnyStr', bytes, str)


class _GenericBase:
    """What `Generic[T]` gives: a base class with no behaviour."""


_GenericBase.__name__ = 'Generic'
_GenericBase.__qualname__ = 'Generic'
_GenericBase.__module__ = 'typing'


class _GenericSpecial(_SpecialForm):
    def __getitem__(self, params):
        return _GenericBase


Generic = _GenericSpecial('Generic')


class Protocol:
    """Base class for structural types (no checking at run time)."""
    __module__ = 'typing'


def runtime_checkable(cls):
    return cls


def final(f):
    return f


def overload(func):
    return func


def no_type_check(arg):
    return arg


def cast(typ, val):
    """Return val unchanged (a hint for type checkers)."""
    return val


def assert_type(val, typ):
    return val


def reveal_type(obj):
    return obj


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of obj (strings are not evaluated)."""
    hints = {}
    for klass in reversed(getattr(obj, '__mro__', (obj,))):
        hints.update(getattr(klass, '__annotations__', None) or {})
    return hints


def get_origin(tp):
    return None


def get_args(tp):
    return getattr(tp, '__args__', ())


def NewType(name, tp):
    """A callable that returns its argument (as CPython's NewType does at run time)."""
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__qualname__ = name
    new_type.__supertype__ = tp
    return new_type
