#pragma once

#include "storeerror.h"

#include <QCoreApplication>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Store {

// A folder tree written beside its destination (a hidden sibling, on the same file system) and
// moved into place at the end, so that a failed write leaves nothing at the destination. A
// destination that does not exist or is empty is replaced in one rename; one that already holds
// folders (artifacts) gets every file and folder it lacks moved in, each experiment's meta.yaml
// last (a folder is an experiment once it has one), and the moves are undone if one fails. What
// was staged and not committed is removed with the object.
class StagedFolder
{
    Q_DECLARE_TR_FUNCTIONS(Store::StagedFolder)

public:
    explicit StagedFolder(const QString &destination);
    ~StagedFolder();
    StagedFolder(const StagedFolder &) = delete;
    StagedFolder &operator=(const StagedFolder &) = delete;

    // Creates the staging folder (and the destination's parent folders).
    Error create();
    QString path() const;
    // Moves the staged tree into the destination; refuses (nothing moved) when a staged file
    // exists there already.
    Error commit();

private:
    struct Move
    {
        QString from, to;
    };
    Error plan(const QString &from, const QString &to, int depth, QList<Move> &moves,
               QList<Move> &last) const;

    QString m_destination;
    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace Store
