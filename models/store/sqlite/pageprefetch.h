#pragma once

#include <QString>

namespace Store {

// Asks the kernel to read a table's B-tree leaf pages into the page cache, all at once, before
// SQLite scans them. A table's pages are scattered over the file (MLflow inserts runs, params and
// metrics interleaved), so a cold scan otherwise waits for one 4 KiB read after another; here
// the interior pages are read (a dozen for 100,000 runs) and every leaf not yet cached is
// announced with posix_fadvise(POSIX_FADV_WILLNEED), which the disk serves in parallel.
//
// Only a hint: the file is opened read-only and never written; anything unexpected (a page that
// is no B-tree page, a WAL holding newer pages, a platform without posix_fadvise) ends the walk
// and SQLite reads what it needs as usual. Returns the number of leaf pages announced.
int prefetchTablePages(const QString &path, qint64 rootPage, qint64 maxBytes = qint64(256) << 20);

} // namespace Store
