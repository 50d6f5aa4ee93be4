nums = [3, 1, 4, 1, 5, 9, 2, 6]
nums.append(5)
nums.extend([3, 5])
nums.insert(0, 8)
print(nums, len(nums))
nums.remove(1)
print(nums, nums.pop(), nums.pop(0), nums)
print(nums.index(5), nums.index(5, 5), nums.count(5), 9 in nums, 7 not in nums)
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
nums.reverse()
print(nums)
copy = nums.copy()
copy.clear()
print(copy, nums[:3])
del nums[0]
del nums[-2:]
print(nums)
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
print(grid)
alias = [[0] * 3] * 3
alias[0][0] = 1
print(alias)
print([1, 2] + [3], [0] * 4, [1, 2] == [1, 2], [1, 2] < [1, 3], [[1], [2]] == [[1], [2]])
a = [1, 2, 3]
b = a
b += [4]
print(a, a is b, list(range(5)), list("abc"), list((1, 2)))
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2].index(3)
except ValueError as e:
    print("ValueError:", e)
print(max([3, 7, 2]), min([3, 7, 2]), sum([3, 7, 2]), sorted([3, 7, 2]), [3, 7, 2][::-1])
nested = [1, [2, [3, [4]]]]
print(nested, nested[1][1][1][0], str(nested))
items = []
items.append(items)
print(items)
