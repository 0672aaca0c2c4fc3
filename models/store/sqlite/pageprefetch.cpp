#include "pageprefetch.h"

#include <QFile>
#include <QtEndian>

#include <algorithm>
#include <vector>

#if defined(Q_OS_LINUX)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Store {

#if defined(Q_OS_LINUX)

namespace {

constexpr unsigned char InteriorTablePage = 0x05;
constexpr unsigned char LeafTablePage = 0x0d;
constexpr int MaxDepth = 10;

class ReadOnlyFile
{
public:
    explicit ReadOnlyFile(const QString &path)
        : m_fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC))
    {
    }
    ~ReadOnlyFile()
    {
        if (m_map)
            munmap(m_map, m_size);
        if (m_fd >= 0)
            ::close(m_fd);
    }
    ReadOnlyFile(const ReadOnlyFile &) = delete;
    ReadOnlyFile &operator=(const ReadOnlyFile &) = delete;

    int fd() const { return m_fd; }

    // Which pages are already cached (mincore over a read-only mapping); empty if unknown.
    std::vector<unsigned char> residency(size_t bytes)
    {
        std::vector<unsigned char> resident;
        if (bytes == 0)
            return resident;
        void *map = mmap(nullptr, bytes, PROT_READ, MAP_SHARED, m_fd, 0);
        if (map == MAP_FAILED)
            return resident;
        m_map = map;
        m_size = bytes;
        const size_t osPage = size_t(sysconf(_SC_PAGESIZE));
        resident.resize((bytes + osPage - 1) / osPage);
        if (mincore(map, bytes, resident.data()) != 0)
            resident.clear();
        return resident;
    }

private:
    int m_fd;
    void *m_map = nullptr;
    size_t m_size = 0;
};

} // namespace

int prefetchTablePages(const QString &path, qint64 rootPage, qint64 maxBytes)
{
    ReadOnlyFile file(path);
    if (file.fd() < 0 || rootPage < 2)
        return 0;
    struct stat st
    {
    };
    unsigned char header[100];
    if (fstat(file.fd(), &st) != 0 || pread(file.fd(), header, sizeof header, 0) != qint64(sizeof header))
        return 0;
    qint64 pageSize = qFromBigEndian<quint16>(header + 16);
    if (pageSize == 1)
        pageSize = 65536;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return 0;
    const qint64 pageCount = qint64(st.st_size) / pageSize;
    const auto isPage = [&](qint64 page) { return page >= 2 && page <= pageCount; };
    if (!isPage(rootPage))
        return 0;

    // Level by level down the interior pages; their children are the next level.
    std::vector<qint64> level {rootPage}, leaves;
    std::vector<unsigned char> page(size_t(pageSize), 0);
    for (int depth = 0; depth < MaxDepth && !level.empty(); ++depth) {
        for (const qint64 number : level)
            posix_fadvise(file.fd(), (number - 1) * pageSize, pageSize, POSIX_FADV_WILLNEED);
        std::vector<qint64> children;
        for (const qint64 number : level) {
            if (pread(file.fd(), page.data(), size_t(pageSize), (number - 1) * pageSize) != pageSize)
                return 0;
            const unsigned char *p = page.data();
            if (p[0] == LeafTablePage) { // the root itself is a leaf: a small table
                leaves.push_back(number);
                continue;
            }
            if (p[0] != InteriorTablePage)
                return 0;
            const int cells = qFromBigEndian<quint16>(p + 3);
            if (12 + 2 * cells > pageSize)
                return 0;
            for (int i = 0; i < cells; ++i) {
                const int offset = qFromBigEndian<quint16>(p + 12 + 2 * i);
                if (offset < 12 || offset + 4 > pageSize)
                    return 0;
                children.push_back(qFromBigEndian<quint32>(p + offset));
            }
            children.push_back(qFromBigEndian<quint32>(p + 8)); // the right-most child
        }
        for (const qint64 child : children) {
            if (!isPage(child))
                return 0;
        }
        if (children.empty())
            break;
        // All leaves of a B-tree are at one depth: one look at a child tells the level.
        unsigned char flag = 0;
        if (pread(file.fd(), &flag, 1, (children.front() - 1) * pageSize) != 1)
            return 0;
        if (flag == LeafTablePage) {
            leaves.insert(leaves.end(), children.begin(), children.end());
            break;
        }
        level = std::move(children);
    }
    if (leaves.empty() || qint64(leaves.size()) * pageSize > maxBytes)
        return 0;

    // Announce the leaves not cached yet, adjacent pages as one range.
    const std::vector<unsigned char> resident = file.residency(size_t(pageCount * pageSize));
    const qint64 osPage = sysconf(_SC_PAGESIZE);
    const auto isResident = [&](qint64 number) {
        const size_t index = size_t((number - 1) * pageSize / osPage);
        return index < resident.size() && (resident[index] & 1);
    };
    std::sort(leaves.begin(), leaves.end());
    int announced = 0;
    for (size_t i = 0; i < leaves.size();) {
        if (isResident(leaves[i])) {
            ++i;
            continue;
        }
        size_t end = i + 1;
        while (end < leaves.size() && leaves[end] == leaves[end - 1] + 1 && !isResident(leaves[end]))
            ++end;
        posix_fadvise(file.fd(), (leaves[i] - 1) * pageSize, qint64(end - i) * pageSize, POSIX_FADV_WILLNEED);
        announced += int(end - i);
        i = end;
    }
    return announced;
}

#else

int prefetchTablePages(const QString &, qint64, qint64)
{
    return 0;
}

#endif

} // namespace Store
