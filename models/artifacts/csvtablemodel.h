#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace Artifacts {

// The rows of a CSV or TSV file under its header row. Filled on the GUI thread by setHeader()
// and appendRows() (batches from CsvLoader). A column is numeric while every non-empty cell in it
// reads as a number; SortRole then gives doubles, so a QSortFilterProxyModel with
// setSortRole(SortRole) sorts 9 before 10.
class CsvTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Roles {
        SortRole = Qt::UserRole + 1, // double in numeric columns (empty cells lowest), else QString
        NumericRole, // bool: the cell's column is numeric (header and cells)
    };

    explicit CsvTableModel(QObject *parent = nullptr);

    // Starts over with these column names and no rows.
    void setHeader(const QStringList &header);
    // Appends rows; a row longer than the header adds columns (named "Column N").
    void appendRows(const QList<QStringList> &rows);
    void clear();

    QStringList header() const { return m_header; }
    QStringList rowAt(int row) const { return m_rows.value(row); }
    bool isNumericColumn(int column) const { return m_numeric.value(column, false); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_header;
    QList<bool> m_numeric; // per column
    QList<QStringList> m_rows;
};

} // namespace Artifacts
