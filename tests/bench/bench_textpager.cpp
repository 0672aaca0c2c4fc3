// Time to the first page of a large log: TextPager::pageAt(0) and the whole preview read
// (PreviewLoader::read: kind detection, then the first page), against `head -c <page bytes>` of
// the same file, run through QProcess in the same run (process start-up included). The file is
// sparse by default (text lines at the start, a hole after them) so that a 2 GB log costs no disk;
// --real writes every byte (slow, needs the space).
#include "benchsupport.h"
#include "previewloader.h"
#include "textpager.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

double medianMs(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return samples.empty() ? 0.0 : samples[samples.size() / 2];
}

QByteArray logLines(qint64 bytes)
{
    QByteArray lines;
    lines.reserve(bytes + 100);
    for (qint64 step = 0; lines.size() < bytes; ++step)
        lines
            += "2025-03-14 09:26:53,589 INFO  step " + QByteArray::number(step) + " loss 0.4213 lr 3.0e-04\n";
    return lines;
}

bool writeLog(const QString &path, qint64 size, bool real)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const QByteArray chunk = logLines(4 * 1024 * 1024);
    if (!real) {
        const QByteArray head = chunk.left(std::min<qint64>(chunk.size(), size));
        return file.write(head) == head.size() && file.resize(size);
    }
    for (qint64 written = 0; written < size;) {
        const qint64 n = std::min<qint64>(chunk.size(), size - written);
        if (file.write(chunk.constData(), n) != n)
            return false;
        written += n;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qint64 sizeMb = 2048;
    int repeat = 5;
    qint64 pageKb = Artifacts::TextPager::DefaultPageBytes / 1024;
    QString mode = QStringLiteral("sparse");
    BenchSupport::Arguments arguments(QStringLiteral("First page of a large log against head -c."));
    arguments.add(QStringLiteral("size-mb"), sizeMb, QStringLiteral("Size of the log in MiB."));
    arguments.add(QStringLiteral("repeat"), repeat, QStringLiteral("Timed repetitions (median printed)."));
    arguments.add(QStringLiteral("page-kb"), pageKb, QStringLiteral("Page size in KiB."));
    arguments.add(QStringLiteral("mode"), mode,
                  QStringLiteral("sparse (a hole after 4 MiB of lines) or real."));
    if (const std::optional<int> exitCode = arguments.parse(app.arguments()))
        return *exitCode;

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("train.log"));
    const qint64 size = sizeMb * 1024 * 1024;
    const qint64 pageBytes = pageKb * 1024;
    QElapsedTimer timer;
    timer.start();
    if (!dir.isValid() || !writeLog(path, size, mode == QLatin1String("real"))) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return 1;
    }
    std::printf("bench_textpager: %lld MiB %s log, %lld KiB pages, written in %lld ms\n", sizeMb,
                qPrintable(mode), pageKb, timer.elapsed());

    std::vector<double> pager, preview, head;
    qint64 pageEnd = 0;
    for (int i = 0; i < repeat; ++i) {
        timer.restart();
        const Artifacts::TextPage page = Artifacts::TextPager(path, pageBytes).pageAt(0);
        pager.push_back(timer.nsecsElapsed() / 1e6);
        if (!page.ok() || page.text.isEmpty()) {
            std::fprintf(stderr, "no first page: %s\n", qPrintable(page.error));
            return 1;
        }
        pageEnd = page.end;

        timer.restart();
        const Artifacts::PreviewContent content = Artifacts::PreviewLoader::read(path, pageBytes);
        preview.push_back(timer.nsecsElapsed() / 1e6);
        if (content.kind != Artifacts::PreviewKind::Text) {
            std::fprintf(stderr, "the log was not read as text\n");
            return 1;
        }

        QProcess process;
        process.setStandardOutputFile(QProcess::nullDevice());
        timer.restart();
        process.start(QStringLiteral("head"), {QStringLiteral("-c"), QString::number(pageBytes), path});
        if (!process.waitForFinished(30000) || process.exitCode() != 0) {
            std::fprintf(stderr, "head -c failed: %s\n", qPrintable(process.errorString()));
            return 1;
        }
        head.push_back(timer.nsecsElapsed() / 1e6);
    }
    const double pagerMs = medianMs(pager), previewMs = medianMs(preview), headMs = medianMs(head);
    std::printf("first page (%lld bytes, cut at a line break), median of %d:\n", pageEnd, repeat);
    std::printf("  TextPager::pageAt(0)        %8.3f ms\n", pagerMs);
    std::printf("  PreviewLoader::read()       %8.3f ms  (kind detection + first page)\n", previewMs);
    std::printf("  head -c %lld (QProcess)  %8.3f ms\n", pageBytes, headMs);
    std::printf("  ratio pager / head          %8.2f\n", headMs > 0 ? pagerMs / headMs : 0.0);
    std::printf("  ratio preview / head        %8.2f\n", headMs > 0 ? previewMs / headMs : 0.0);
    return 0;
}
