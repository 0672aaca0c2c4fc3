#pragma once

#include <cstddef>
#include <vector>

namespace Store {

// The size of a huge page on x86-64 Linux, and `bytes` rounded up to a multiple of `unit`.
inline constexpr size_t HugePageSize = size_t(2) << 20;
constexpr size_t roundUp(size_t bytes, size_t unit)
{
    return (bytes + unit - 1) / unit * unit;
}

// Asks the kernel to back the whole 2 MiB pages inside [data, data + bytes) with huge pages
// (Linux madvise(MADV_HUGEPAGE); a no-op elsewhere and for small ranges). Drawing a chart reads
// a few cache lines per pixel column from arrays of tens of megabytes: with 4 KiB pages nearly
// every one of those reads also misses the TLB. Only a hint, and best given before the pages
// are first written.
void adviseHugePages(const void *data, size_t bytes);

// Reserves room for `count` elements, advised as above.
template<typename T> void reserveLarge(std::vector<T> &array, size_t count)
{
    array.reserve(count);
    adviseHugePages(array.data(), array.capacity() * sizeof(T));
}

} // namespace Store
