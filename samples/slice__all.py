nums = list(range(10))
print(nums[2:5], nums[:3], nums[7:], nums[-3:], nums[:-7], nums[::3], nums[::-1], nums[8:2:-2], nums[-1:-4:-1])
print(nums[100:], nums[-100:3], nums[5:5], nums[::-3], nums[1:9:0] if False else "step zero skipped")
nums[2:4] = ["a", "b", "c"]
print(nums)
nums[::2] = [0] * len(nums[::2])
print(nums)
del nums[::3]
print(nums)
nums[:] = []
print(nums)
s = slice(1, 8, 2)
print(s, s.start, s.stop, s.step, "abcdefghij"[s], list(range(20))[s], s.indices(5))
print("hello"[slice(None, None, -1)], (1, 2, 3, 4)[1:3], range(10)[2:8:3], range(10)[::-1])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[1:] for row in matrix], matrix[1:][0][::-1])
try:
    [1, 2][::0]
except ValueError as e:
    print("ValueError:", e)
try:
    nums = [1, 2, 3, 4]
    nums[::2] = [9]
except ValueError as e:
    print("ValueError:", e)
