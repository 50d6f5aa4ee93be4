x = 3
yield x
