class ConfigError(Exception):
    pass


def parse(text):
    return int(text)


def load(text):
    try:
        return parse(text)
    except ValueError as e:
        raise ConfigError(f"cannot load {text!r}") from e


print("loading")
load("42")
load("forty-two")
