#pragma once

#include <functional>

// Runs task(0) ... task(count - 1) on the calling thread and on idle threads of a pool kept for
// short, frame-sized work (a chart reducing its curves), and returns when all are done. The
// caller takes tasks too, so a busy pool or a single core means no help, never a wait. Tasks
// must be independent; they run in no particular order.
void parallelFor(int count, const std::function<void(int)> &task);
