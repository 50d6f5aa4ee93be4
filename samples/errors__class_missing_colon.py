class Broken
    pass
