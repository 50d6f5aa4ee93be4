"""dataclasses for kairos: @dataclass with CPython 3.11's generated __init__,
__repr__, __eq__, ordering, hashing and frozen instances, plus field(),
fields(), asdict(), astuple(), replace(), is_dataclass(), KW_ONLY, InitVar.

Fields come from the class's own `__annotations__` (and from dataclass bases).
Methods are closures over the field list (CPython generates source and
exec()s it; the behaviour and error messages are the same).
Not available: slots=True (accepted, ignored), weakref_slot, make_dataclass,
deep copies in asdict()/astuple() (values that are not dataclasses, lists,
tuples or dicts are shared, not copied).
"""

import reprlib
import typing


class _MISSING_TYPE:
    __module__ = 'dataclasses'


MISSING = _MISSING_TYPE()


class FrozenInstanceError(AttributeError):
    __module__ = 'dataclasses'


class _KW_ONLY_TYPE:
    __module__ = 'dataclasses'


KW_ONLY = _KW_ONLY_TYPE


class _InitVarAlias:
    def __init__(self, type):
        self.type = type

    def __repr__(self):
        name = self.type.__name__ if isinstance(self.type, type) else repr(self.type)
        return f'dataclasses.InitVar[{name}]'


class _InitVarForm:
    """InitVar[T]: an __init__ parameter passed to __post_init__, not stored."""

    def __getitem__(self, type):
        return _InitVarAlias(type)

    def __repr__(self):
        return "<class 'dataclasses.InitVar'>"


InitVar = _InitVarForm()

_FIELD = '_FIELD'
_FIELD_CLASSVAR = '_FIELD_CLASSVAR'
_FIELD_INITVAR = '_FIELD_INITVAR'


class Field:
    """Describes one field; made by field() or from a plain annotation."""
    __module__ = 'dataclasses'

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return (f'Field(name={self.name!r},type={self.type!r},default={self.default!r},'
                f'default_factory={self.default_factory!r},init={self.init!r},'
                f'repr={self.repr!r},hash={self.hash!r},compare={self.compare!r},'
                f'metadata=mappingproxy({self.metadata!r}),kw_only={self.kw_only!r},'
                f'_field_type={self._field_type})')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    """Customize one field: default, default_factory, init, repr, compare, kw_only..."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(annotation):
    if annotation is typing.ClassVar:
        return True
    if isinstance(annotation, typing._GenericAlias) and annotation._name == 'ClassVar':
        return True
    return isinstance(annotation, str) and (annotation.startswith('ClassVar')
                                            or annotation.startswith('typing.ClassVar'))


def _is_kw_only_marker(annotation):
    return annotation is KW_ONLY or (isinstance(annotation, str)
                                     and annotation in ('KW_ONLY', 'dataclasses.KW_ONLY'))


def _get_field(cls, name, annotation, kw_only):
    default = getattr(cls, name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = annotation
    f._field_type = _FIELD
    if _is_classvar(annotation):
        f._field_type = _FIELD_CLASSVAR
    elif isinstance(annotation, _InitVarAlias):
        f._field_type = _FIELD_INITVAR
    if f._field_type != _FIELD:
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a default factory')
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = kw_only
    if f._field_type == _FIELD and isinstance(f.default, (list, dict, set)):
        raise ValueError(f'mutable default {type(f.default)} for field {f.name} is not allowed: '
                         'use default_factory')
    return f


def _join_names(names):
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f'{quoted[0]} and {quoted[1]}'
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _has_default(f):
    return f.default is not MISSING or f.default_factory is not MISSING


def _make_init(qualname, fields, has_post_init, set_attr):
    init_fields = [f for f in fields if f.init or f._field_type == _FIELD_INITVAR]
    positional = [f for f in init_fields if not f.kw_only]
    keyword_only = [f for f in init_fields if f.kw_only]
    by_name = {f.name: f for f in init_fields}
    initvars = [f for f in fields if f._field_type == _FIELD_INITVAR]
    seen_default = False
    for f in positional:
        if _has_default(f):
            seen_default = True
        elif seen_default:
            raise TypeError(f'non-default argument {f.name!r} follows default argument')
    required = len([f for f in positional if not _has_default(f)])

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            if required == len(positional):
                takes = f'{len(positional) + 1} positional argument'
                takes += 's' if len(positional) else ''
            else:
                takes = f'from {required + 1} to {len(positional) + 1} positional arguments'
            given = len(args) + 1
            raise TypeError(f'{qualname}() takes {takes} but {given} '
                            f"{'was' if given == 1 else 'were'} given")
        values = {}
        for f, value in zip(positional, args):
            values[f.name] = value
        for name, value in kwargs.items():
            if name not in by_name:
                raise TypeError(f"{qualname}() got an unexpected keyword argument '{name}'")
            if name in values:
                raise TypeError(f"{qualname}() got multiple values for argument '{name}'")
            values[name] = value
        for group, kind in ((positional, 'positional'), (keyword_only, 'keyword-only')):
            missing = [f.name for f in group if f.name not in values and not _has_default(f)]
            if missing:
                plural = 's' if len(missing) > 1 else ''
                raise TypeError(f'{qualname}() missing {len(missing)} required {kind} '
                                f'argument{plural}: {_join_names(missing)}')
        for f in fields:
            if f._field_type != _FIELD:
                continue
            if f.init and f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.default is not MISSING:
                value = f.default
            else:
                continue
            set_attr(self, f.name, value)
        if has_post_init:
            self.__post_init__(*[values[f.name] if f.name in values else f.default
                                 for f in initvars])

    __init__.__qualname__ = qualname
    return __init__


def _field_values(obj, fields):
    return tuple(getattr(obj, f.name) for f in fields)


def _make_repr(qualname, fields):
    shown = [f for f in fields if f.repr]

    @reprlib.recursive_repr()
    def __repr__(self):
        inner = ', '.join(f'{f.name}={getattr(self, f.name)!r}' for f in shown)
        return f'{type(self).__qualname__}({inner})'

    __repr__.__qualname__ = qualname
    return __repr__


def _make_eq(qualname, fields):
    compared = [f for f in fields if f.compare]

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return _field_values(self, compared) == _field_values(other, compared)
        return NotImplemented

    __eq__.__qualname__ = qualname
    return __eq__


def _make_order(name, qualname, fields):
    compared = [f for f in fields if f.compare]

    def compare(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        a = _field_values(self, compared)
        b = _field_values(other, compared)
        if name == '__lt__':
            return a < b
        if name == '__le__':
            return a <= b
        if name == '__gt__':
            return a > b
        return a >= b

    compare.__name__ = name
    compare.__qualname__ = qualname
    return compare


def _make_hash(qualname, fields):
    hashed = [f for f in fields if (f.compare if f.hash is None else f.hash)]

    def __hash__(self):
        return hash(_field_values(self, hashed))

    __hash__.__qualname__ = qualname
    return __hash__


def _make_frozen_methods(cls, fields):
    names = {f.name for f in fields}

    def __setattr__(self, name, value):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f'cannot delete field {name!r}')
        super(cls, self).__delattr__(name)

    __setattr__.__qualname__ = f'{cls.__qualname__}.__setattr__'
    __delattr__.__qualname__ = f'{cls.__qualname__}.__delattr__'
    return __setattr__, __delattr__


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _object_setattr(obj, name, value):
    object.__setattr__(obj, name, value)


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    all_fields = {}
    for base in reversed(getattr(cls, '__mro__', (cls,))[1:]):
        base_fields = getattr(base, '__dataclass_fields__', None)
        if base_fields is not None:
            for f in base_fields.values():
                all_fields[f.name] = f

    annotations = cls.__dict__.get('__annotations__', {})
    own_fields = []
    field_kw_only = kw_only
    for name, annotation in annotations.items():
        if _is_kw_only_marker(annotation):
            field_kw_only = True
            continue
        own_fields.append(_get_field(cls, name, annotation, field_kw_only))

    for f in own_fields:
        all_fields[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in list(cls.__dict__.items()):
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    cls.__dataclass_fields__ = all_fields
    fields_list = [f for f in all_fields.values() if f._field_type == _FIELD]
    init_list = [f for f in all_fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    qualname = cls.__qualname__

    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING
                             or (class_hash is None and '__eq__' in cls.__dict__))

    if init:
        set_attr = _object_setattr if frozen else setattr
        _set_new_attribute(cls, '__init__', _make_init(
            f'{qualname}.__init__', init_list, hasattr(cls, '__post_init__'), set_attr))
    if repr:
        _set_new_attribute(cls, '__repr__', _make_repr(f'{qualname}.__repr__', fields_list))
    if eq:
        _set_new_attribute(cls, '__eq__', _make_eq(f'{qualname}.__eq__', fields_list))
    if order:
        if not eq:
            raise ValueError('eq must be true if order is true')
        for name in ('__lt__', '__le__', '__gt__', '__ge__'):
            if _set_new_attribute(cls, name, _make_order(name, f'{qualname}.{name}',
                                                         fields_list)):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                                'Consider using functools.total_ordering')
    if frozen:
        setter, deleter = _make_frozen_methods(cls, fields_list)
        for name, method in (('__setattr__', setter), ('__delattr__', deleter)):
            if _set_new_attribute(cls, name, method):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}')

    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
        cls.__hash__ = _make_hash(f'{qualname}.__hash__', fields_list)
    elif eq and frozen:
        if not has_explicit_hash:
            cls.__hash__ = _make_hash(f'{qualname}.__hash__', fields_list)
    elif eq and not has_explicit_hash:
        cls.__hash__ = None

    if match_args:
        _set_new_attribute(cls, '__match_args__',
                           tuple(f.name for f in init_list if f.init and not f.kw_only))
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Add __init__, __repr__, __eq__ (and more, as asked) built from the annotated fields."""

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only)

    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """The Field objects of a dataclass (or instance), in definition order."""
    all_fields = getattr(class_or_instance, '__dataclass_fields__', None)
    if all_fields is None:
        raise TypeError('must be called with a dataclass type or instance')
    return tuple(f for f in all_fields.values() if f._field_type == _FIELD)


def is_dataclass(obj):
    return hasattr(obj, '__dataclass_fields__')


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def _convert(obj, dict_factory, as_tuple):
    if _is_dataclass_instance(obj):
        values = [(f.name, _convert(getattr(obj, f.name), dict_factory, as_tuple))
                  for f in fields(obj)]
        if as_tuple:
            return tuple(v for _, v in values)
        return dict_factory(values)
    if hasattr(type(obj), '_fields') and hasattr(type(obj), '_make'):
        return type(obj)(*[_convert(v, dict_factory, as_tuple) for v in obj])
    if isinstance(obj, list):
        return [_convert(v, dict_factory, as_tuple) for v in obj]
    if isinstance(obj, tuple):
        return tuple(_convert(v, dict_factory, as_tuple) for v in obj)
    if isinstance(obj, dict):
        return {_convert(k, dict_factory, as_tuple): _convert(v, dict_factory, as_tuple)
                for k, v in obj.items()}
    return obj


def asdict(obj, *, dict_factory=dict):
    """The fields of a dataclass instance as a dict (recursing into containers)."""
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _convert(obj, dict_factory, False)


def astuple(obj, *, tuple_factory=tuple):
    """The field values of a dataclass instance as a tuple (recursing into containers)."""
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return tuple_factory(_convert(obj, dict, True))


def replace(obj, **changes):
    """A new instance like `obj` with some fields changed."""
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type == _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it cannot be '
                                 'specified with replace()')
            continue
        if f.name not in changes:
            if f._field_type == _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            if f._field_type == _FIELD:
                changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
