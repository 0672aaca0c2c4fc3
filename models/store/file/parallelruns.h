#pragma once

#include "storetypes.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace Store::Mlruns {

// How many threads read run folders: opening small files is mostly system-call time, which
// threads overlap even beyond the cores (and a cold cache waits on the disk).
inline int readerThreads()
{
    return int(std::clamp(std::thread::hardware_concurrency() * 2, 2u, 8u));
}

// Calls work(i) for every i in [0, count) on several threads, the calling one included, in chunks
// taken in index order (so the first items finish first). The calling thread reports
// progress(progressBase + done, progressTotal) between its chunks. Returns false when `cancel`
// was set (some items then were not worked on).
template<typename Work>
bool parallelFor(size_t count, const CancelFlag *cancel, const ProgressFn &progress, qint64 progressBase,
                 qint64 progressTotal, Work &&work)
{
    constexpr size_t Chunk = 16;
    std::atomic_size_t next {0};
    std::atomic_size_t done {0};
    std::atomic_bool stopped {false};
    // Works on the next chunk; false when none is left or the read was cancelled.
    const auto takeChunk = [&] {
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            stopped = true;
            return false;
        }
        const size_t begin = next.fetch_add(Chunk);
        if (begin >= count)
            return false;
        const size_t end = std::min(count, begin + Chunk);
        for (size_t i = begin; i < end; ++i)
            work(i);
        done += end - begin;
        return true;
    };
    const int threads = count > Chunk ? std::min<int>(readerThreads(), int((count + Chunk - 1) / Chunk)) : 1;
    std::vector<std::thread> helpers;
    for (int t = 1; t < threads; ++t)
        helpers.emplace_back([&] {
            while (takeChunk()) { }
        });
    // The calling thread works too, and reports between its chunks.
    while (takeChunk()) {
        if (progress)
            progress(progressBase + qint64(done.load()), progressTotal);
    }
    for (std::thread &t : helpers)
        t.join();
    return !stopped;
}

} // namespace Store::Mlruns
