#include "stagedfolder.h"

#include <QDir>
#include <QFileInfo>

namespace Store {

namespace {

constexpr QDir::Filters EveryEntry = QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System;

bool isEmptyFolder(const QString &path)
{
    return QDir(path).entryList(EveryEntry).isEmpty();
}

} // namespace

StagedFolder::StagedFolder(const QString &destination)
    : m_destination(QDir::cleanPath(QFileInfo(destination).absoluteFilePath()))
{
}

StagedFolder::~StagedFolder() = default;

Error StagedFolder::create()
{
    const QFileInfo destination(m_destination);
    const QString parent = destination.absolutePath();
    if (!QDir().mkpath(parent))
        return Error::make(Error::Io, tr("Cannot create the folder %1.").arg(parent));
    m_dir = std::make_unique<QTemporaryDir>(parent + QStringLiteral("/.") + destination.fileName()
                                            + QStringLiteral("-kaizen-XXXXXX"));
    if (!m_dir->isValid())
        return Error::make(Error::Io,
                           tr("Cannot create a folder in %1: %2").arg(parent, m_dir->errorString()));
    return {};
}

QString StagedFolder::path() const
{
    return m_dir ? m_dir->path() : QString();
}

Error StagedFolder::plan(const QString &from, const QString &to, int depth, QList<Move> &moves,
                         QList<Move> &last) const
{
    const QFileInfoList entries = QDir(from).entryInfoList(EveryEntry, QDir::Name);
    for (const QFileInfo &entry : entries) {
        const QString target = to + QLatin1Char('/') + entry.fileName();
        const QFileInfo existing(target);
        if (!existing.exists() && !existing.isSymLink()) {
            const bool experimentMeta = depth == 1 && entry.fileName() == QLatin1String("meta.yaml");
            (experimentMeta ? last : moves).append({entry.filePath(), target});
        } else if (entry.isDir() && existing.isDir() && !existing.isSymLink()) {
            if (Error e = plan(entry.filePath(), target, depth + 1, moves, last); !e.ok())
                return e;
        } else {
            return Error::make(Error::InvalidArgument,
                               tr("Cannot write %1: it exists already. Nothing was written.").arg(target));
        }
    }
    return {};
}

Error StagedFolder::commit()
{
    if (!m_dir)
        return Error::make(Error::Internal, tr("Nothing was staged for %1.").arg(m_destination));
    const QFileInfo destination(m_destination);
    const bool wasEmpty = destination.isDir() && isEmptyFolder(m_destination);
    if (!destination.exists() || wasEmpty) {
        if (wasEmpty && !QDir().rmdir(m_destination))
            return Error::make(Error::Io, tr("Cannot replace the empty folder %1.").arg(m_destination));
        if (!QDir().rename(m_dir->path(), m_destination)) {
            if (wasEmpty)
                QDir().mkdir(m_destination);
            return Error::make(Error::Io, tr("Cannot move the written store to %1.").arg(m_destination));
        }
        m_dir->setAutoRemove(false); // it is the destination now
        return {};
    }
    QList<Move> moves, last;
    if (Error e = plan(m_dir->path(), m_destination, 0, moves, last); !e.ok())
        return e;
    moves += last;
    for (qsizetype i = 0; i < moves.size(); ++i) {
        if (QDir().rename(moves.at(i).from, moves.at(i).to))
            continue;
        for (qsizetype j = i - 1; j >= 0; --j)
            QDir().rename(moves.at(j).to, moves.at(j).from);
        return Error::make(Error::Io,
                           tr("Cannot move %1 into %2; nothing was written.")
                               .arg(QDir(m_dir->path()).relativeFilePath(moves.at(i).from), m_destination));
    }
    return {};
}

} // namespace Store
