#pragma once

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QLabel;

// Asks before a registry write, listing exactly what will change ("Version 3: None →
// Production", "Versions 1 and 2: Production → Archived"). Apply is the default button; the
// dialog is shown with open() and reports through accepted()/rejected().
class ChangeConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    ChangeConfirmDialog(const QString &question, const QStringList &changes, const QString &store,
                        QWidget *parent = nullptr);

    QStringList changes() const { return m_changes; }
    void setChanges(const QStringList &changes);
    // A check box under the list (e.g. "Archive the other versions in Production"); toggling it
    // emits optionToggled(), and the caller sets the changes it implies.
    void setOption(const QString &text, bool checked);
    bool isOptionChecked() const;

signals:
    void optionToggled(bool checked);

private:
    QStringList m_changes;
    QLabel *m_list;
    QCheckBox *m_option;
};
