#include "exportdialog.h"

#include <QFileDialog>
#include <QRegularExpression>
#include <QStandardPaths>

QFileDialog *createExportDialog(QWidget *parent, const QString &caption, const QString &filter,
                                const QString &title, const QString &fallbackName)
{
    QString name = title;
    name.replace(QRegularExpression(QStringLiteral("[^\\w.-]+")), QStringLiteral("_"));
    if (name.isEmpty())
        name = fallbackName;
    auto *dialog = new QFileDialog(
        parent, caption,
        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation) + QLatin1Char('/') + name, filter);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setDefaultSuffix(QStringLiteral("png"));
    QObject::connect(dialog, &QFileDialog::filterSelected, dialog, [dialog](const QString &chosen) {
        const QRegularExpressionMatch match
            = QRegularExpression(QStringLiteral("\\*\\.(\\w+)")).match(chosen);
        if (match.hasMatch())
            dialog->setDefaultSuffix(match.captured(1));
    });
    return dialog;
}
