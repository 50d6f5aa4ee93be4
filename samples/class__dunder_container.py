class Playlist:
    def __init__(self, *songs):
        self._songs = list(songs)

    def __len__(self):
        return len(self._songs)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Playlist(*self._songs[index])
        return self._songs[index]

    def __setitem__(self, index, value):
        self._songs[index] = value

    def __delitem__(self, index):
        del self._songs[index]

    def __contains__(self, song):
        print(f"  (checking {song!r})")
        return song in self._songs

    def __iter__(self):
        return iter(self._songs)

    def __bool__(self):
        return bool(self._songs)

    def __repr__(self):
        return f"Playlist{tuple(self._songs)}"


p = Playlist("intro", "verse", "chorus", "outro")
print(len(p), p[0], p[-1], p[1:3], p[::-1])
p[1] = "bridge"
del p[0]
print(p, "chorus" in p, "intro" in p, "x" not in p)
print(list(p), [s.upper() for s in p], sorted(p), bool(p), bool(Playlist()))
if not Playlist():
    print("empty playlist is falsy")
try:
    p[10]
except IndexError as e:
    print("IndexError:", e)


class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i


print(list(Squares()), 9 in Squares(), [x for x in Squares()])


class Sized:
    def __len__(self):
        return 0


print(bool(Sized()), len(Sized()))


class Matrix:
    def __init__(self):
        self.cells = {}

    def __getitem__(self, key):
        row, col = key
        return self.cells.get(key, 0)

    def __setitem__(self, key, value):
        self.cells[key] = value


m = Matrix()
m[1, 2] = 7
print(m[1, 2], m[0, 0], m.cells)
