"""The baseline apps, and clerk with its saves timed, as run by the benchmarks."""
