values = [0, 7, -7, 255, 65535, 123456789, -1000000]
for v in values:
    print(f"{v:d}|{v:5d}|{v:<5d}|{v:^7d}|{v:=+8d}|{v:08d}|{v:,}|{v:_}")
for v in [0, 10, 255, -255, 4096]:
    print(f"{v:b} {v:o} {v:x} {v:X} {v:#b} {v:#o} {v:#x} {v:#X} {v:#010x} {v:_b}")
print(f"{65:c}{66:c}{9731:c}")
print(f"{42:*>10}|{42:*<10}|{42:*^10}|{-42:0>6}|{-42:06}")
print(f"{1234567:n}")
print(format(12, "04"), format(-12, "04"), format(12, "+04"), format(True, "d"), format(True))
print("{:>6}".format(7), "{:<6}|".format(7), "{:^6}|".format(7))
print(f"{2**64:,}")
print(f"{-0:d} {+0:+d}")
for spec in ["x", "#x", "08b", ",d", "_x", "+", " ", "e", ".2f", "%"]:
    print(spec, format(300, spec))
