# statistics as tutorials use it: exact means converted to the data's type,
# medians, modes, and the spread, each version computing it its own way
# (deviations from the rounded mean up to 3.9, exact from 3.10, an exactly
# rounded square root from 3.11).
import statistics
import sys

grades = [88, 92, 79, 93, 85]
print(statistics.mean(grades), statistics.median(grades))
print(statistics.mean([1, 2, 3, 4]), statistics.mean([1, 2, 3]), statistics.mean([0.1, 0.2, 0.3]))
print(statistics.mean([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), statistics.mean([True, False, True]))
print(statistics.median([1, 3, 5, 7]), statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]))
print(statistics.median([2.5, 1.25]), statistics.median(["b", "a", "c"]))
print(statistics.mode([1, 1, 2, 3, 3, 3, 4]), statistics.mode(["red", "blue", "red"]))
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(statistics.variance(data), statistics.stdev(data))
print(statistics.pvariance(data), statistics.pstdev(data))
print(statistics.variance([1, 2, 3, 4, 5]), statistics.variance([1, 2, 4]), statistics.pvariance([1, 2, 3, 4]))
print(statistics.stdev([1, 2, 3, 4, 5]), statistics.pstdev([2, 4, 4, 4, 5, 5, 7, 9]))
temps = [21.3, 22.1, 19.8, 23.4, 20.9, 22.7, 21.1]
print(statistics.mean(temps), statistics.stdev(temps), statistics.variance(temps, statistics.mean(temps)))
print(statistics.stdev([0.1 * i for i in range(25)]), statistics.pstdev([10 ** 9 + i * 0.3 for i in range(12)]))
if sys.version_info >= (3, 8):
    print(statistics.fmean(grades), statistics.fmean(iter([1.0, 2.0])), statistics.multimode("aabbbccdd"))
    print(statistics.multimode([1, 2, 2, 3, 3]), statistics.multimode([]))
for bad in ([], [1]):
    for f in (statistics.mean, statistics.median, statistics.stdev, statistics.variance):
        try:
            print(f(bad))
        except statistics.StatisticsError as e:
            print(type(e).__name__, e)
try:
    statistics.mean(["a", "b"])
except TypeError as e:
    print("TypeError", e)
print(issubclass(statistics.StatisticsError, ValueError))
