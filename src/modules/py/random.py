"""random for kairos: CPython's Mersenne Twister and algorithms (the native
`_random`), so a seeded program draws exactly CPython's numbers.

`Random` instances each own a generator; the module functions are the bound
methods of a hidden instance, as in CPython. An unseeded generator starts
from kairos's fixed seed (CPython would seed from the OS), so every run is
the same.
"""

import _random

__all__ = [
    'Random', 'seed', 'random', 'uniform', 'randint', 'choice', 'sample', 'randrange',
    'shuffle', 'normalvariate', 'lognormvariate', 'expovariate', 'vonmisesvariate',
    'gammavariate', 'triangular', 'gauss', 'betavariate', 'paretovariate', 'weibullvariate',
    'getstate', 'setstate', 'getrandbits', 'choices', 'randbytes',
]


class Random:
    """A random number generator of its own (CPython's random.Random)."""

    VERSION = 3

    def __init__(self, x=None):
        self._generator = _random.new()
        self.seed(x)

    def seed(self, a=None, version=2):
        _random.seed(self._generator, a)

    def getstate(self):
        internal, gauss_next = _random.getstate(self._generator)
        return (self.VERSION, internal, gauss_next)

    def setstate(self, state):
        version = state[0]
        if version not in (2, 3):
            raise ValueError(f'state with version {version} passed to Random.setstate() '
                             f'of version {self.VERSION}')
        version, internal, gauss_next = state
        if version == 2:
            internal = tuple(x % (2 ** 32) for x in internal)
        _random.setstate(self._generator, internal, gauss_next)

    def random(self):
        return _random.random(self._generator)

    def getrandbits(self, k):
        return _random.getrandbits(self._generator, k)

    def randbytes(self, n):
        return _random.randbytes(self._generator, n)

    def randrange(self, start, stop=None, step=1):
        return _random.randrange(self._generator, start, stop, step)

    def randint(self, a, b):
        return _random.randint(self._generator, a, b)

    def choice(self, seq):
        return _random.choice(self._generator, seq)

    def shuffle(self, x):
        _random.shuffle(self._generator, x)

    def sample(self, population, k, *, counts=None):
        return _random.sample(self._generator, population, k, counts)

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        return _random.choices(self._generator, population, weights, cum_weights, k)

    def uniform(self, a, b):
        return _random.uniform(self._generator, a, b)

    def triangular(self, low=0.0, high=1.0, mode=None):
        return _random.triangular(self._generator, low, high, mode)

    def normalvariate(self, mu=0.0, sigma=1.0):
        return _random.normalvariate(self._generator, mu, sigma)

    def gauss(self, mu=0.0, sigma=1.0):
        return _random.gauss(self._generator, mu, sigma)

    def lognormvariate(self, mu, sigma):
        return _random.lognormvariate(self._generator, mu, sigma)

    def expovariate(self, lambd):
        return _random.expovariate(self._generator, lambd)

    def vonmisesvariate(self, mu, kappa):
        return _random.vonmisesvariate(self._generator, mu, kappa)

    def gammavariate(self, alpha, beta):
        return _random.gammavariate(self._generator, alpha, beta)

    def betavariate(self, alpha, beta):
        return _random.betavariate(self._generator, alpha, beta)

    def paretovariate(self, alpha):
        return _random.paretovariate(self._generator, alpha)

    def weibullvariate(self, alpha, beta):
        return _random.weibullvariate(self._generator, alpha, beta)


_inst = Random()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
betavariate = _inst.betavariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst.getrandbits
randbytes = _inst.randbytes
