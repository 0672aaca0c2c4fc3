#include "parallelfor.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <memory>

namespace {

// Apart from the global pool, where loaders may hold every thread for seconds.
struct FramePool : QThreadPool
{
    FramePool() { setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1)); }
};
Q_GLOBAL_STATIC(FramePool, framePool)

struct Batch
{
    const std::function<void(int)> *task = nullptr; // read only after claiming a task
    int count = 0;
    std::atomic<int> next {0};
    std::atomic<int> done {0};

    void work()
    {
        for (int i = next.fetch_add(1); i < count; i = next.fetch_add(1)) {
            (*task)(i);
            if (done.fetch_add(1) + 1 == count)
                done.notify_all();
        }
    }
};

} // namespace

void parallelFor(int count, const std::function<void(int)> &task)
{
    if (count <= 0)
        return;
    auto batch = std::make_shared<Batch>();
    batch->task = &task;
    batch->count = count;
    // A helper that starts after the work is gone finds nothing to claim and only touches the
    // batch, which it keeps alive.
    const int helpers = std::min(count - 1, framePool()->maxThreadCount());
    for (int h = 0; h < helpers; ++h)
        framePool()->start([batch] { batch->work(); });
    batch->work();
    for (int d = batch->done.load(); d < count; d = batch->done.load())
        batch->done.wait(d);
}
