#pragma once

#include "searchfilter.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTimer;

// A line edit for MLflow's search syntax ("metrics.acc > 0.9 AND params.lr = '0.01'").
// Applies on Enter or shortly after typing stops. A malformed filter is not applied: the edit
// gets a red frame and a message under it says what is wrong and where, while the previous
// filter stays in force.
class SearchFilterEdit : public QWidget
{
    Q_OBJECT
public:
    static constexpr int DebounceMs = 400;

    explicit SearchFilterEdit(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text); // applies at once
    // The filter in force (the last valid one).
    const SearchFilter &filter() const { return m_filter; }
    bool hasError() const;
    QString errorText() const;
    QLineEdit *lineEdit() const { return m_edit; }

    // Parses the text now; emits filterChanged() when it is valid and differs from the filter
    // in force.
    void apply();
    void focusAndSelectAll();

signals:
    void filterChanged(const SearchFilter &filter);

private:
    void showError(const QString &message);
    void clearError();

    QLineEdit *m_edit;
    QLabel *m_errorLabel;
    QTimer *m_debounce;
    SearchFilter m_filter;
    QString m_appliedText;
};
