#pragma once

#include "registrytypes.h"
#include "runtable.h"

#include <QAbstractItemModel>

// Everything about one run, as a two-level tree: section rows (Run, Parameters, Metrics, Tags,
// Datasets) with one child row per value. The run's note (tag mlflow.note.content) is not a row;
// views render it from note().
class RunDetailsModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Columns { KeyColumn, ValueColumn, StepColumn, ColumnCount };
    enum Roles {
        SectionRole = Qt::UserRole + 1,
        KeyRole, // the raw key of a value row
        SortRole,
        IsErrorRole, // bool: the row says that something could not be read
    };
    enum class Section { Attributes, Params, Metrics, Tags, Datasets, RegisteredVersions };

    explicit RunDetailsModel(QObject *parent = nullptr);

    // Shows run `row` of `runs`, from the store at `location` (a row of its own when given:
    // several stores may be open), `runKey` its key in the run table (its colour; empty: its
    // id); datasets are cleared until setDatasets() brings them.
    void setRun(const Store::RunTable &runs, int row, const QString &location = {},
                const QString &runKey = {});
    void clear();
    // Applies only while `runId` is the shown run (datasets arrive later, from a worker).
    void setDatasets(const QString &runId, const Store::DatasetInputList &datasets);
    // Reading the datasets of `runId` failed: the Datasets section holds one row saying so.
    void setDatasetsFailed(const QString &runId, const QString &message);
    // The registered model versions that came from `runId` (they arrive from a worker too): a
    // row per version ("churn-classifier" → "v3 · Production · @champion"); none: no section.
    void setRegisteredVersions(const QString &runId, const Store::ModelVersionList &versions);

    bool hasRun() const { return !m_runId.isEmpty(); }
    QString runId() const { return m_runId; }
    QString colorKey() const { return m_runKey.isEmpty() ? m_runId : m_runKey; }
    QString runName() const { return m_runName; }
    QString note() const { return m_note; } // Markdown, empty without a note
    // Why the datasets of the shown run could not be read; empty when they could (or not yet).
    QString datasetsError() const { return m_datasetsError; }

    // Typed accessors.
    QModelIndex sectionIndex(Section section) const; // invalid when the section is not shown
    bool isSection(const QModelIndex &index) const;
    Section section(const QModelIndex &index) const;
    QString key(const QModelIndex &index) const;
    QString value(const QModelIndex &index) const;
    // The row of a key in a section, invalid when absent.
    QModelIndex indexOfKey(Section section, const QString &key, int column = KeyColumn) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        QString key;
        QString value;
        QString step;
        QString toolTip;
        QVariant sortValue;
        bool isError = false;
    };
    struct SectionRows
    {
        Section section;
        QList<Entry> entries;
    };
    static QString sectionTitle(Section section);
    int sectionPosition(Section section) const;
    void replaceSection(Section section, const QList<Entry> &entries);

    QList<SectionRows> m_sections;
    QString m_runId;
    QString m_runKey;
    QString m_runName;
    QString m_note;
    QString m_datasetsError;
};
