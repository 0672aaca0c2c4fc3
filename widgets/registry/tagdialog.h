#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

// Asks for a tag's key and value; says at once when MLflow would refuse the key.
class TagDialog : public QDialog
{
    Q_OBJECT
public:
    // version > 0: a version's tag (longer values allowed), 0: the registered model's.
    TagDialog(const QString &title, QWidget *parent = nullptr, int version = 0);

    QString key() const;
    QString value() const;

private:
    void validate();

    int m_version;
    QLineEdit *m_key;
    QPlainTextEdit *m_value;
    QLabel *m_problem;
    QPushButton *m_ok;
};
