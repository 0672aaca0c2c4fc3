#pragma once

#include <QPlainTextEdit>

// One side of a side-by-side text diff: a read-only, non-wrapping text view whose gutter shows
// each row's line number of this side (blank for a row that only the other side has).
class DiffTextEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit DiffTextEdit(QWidget *parent = nullptr);

    // One entry per row (block): the side's 1-based line number, or -1.
    void setLineNumbers(const QList<int> &numbers);
    const QList<int> &lineNumbers() const { return m_lineNumbers; }

    int gutterWidth() const;
    void paintGutter(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateGutterWidth();

    QWidget *m_gutter;
    QList<int> m_lineNumbers;
};
