#include "appsettings.h"
#include "mainwindow.h"
#include "opendatabasedialog.h"
#include "sessioncredentials.h"
#include "storelocation.h"

#include <QLabel>

// Stores on a database server: File › Open Database…, and the password a server asks for. A
// password lives in Store::SessionCredentials only (memory, this session); the settings and
// the recent stores know each store by its name without one.

void MainWindow::chooseDatabase()
{
    auto *dialog = new OpenDatabaseDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->restoreSettings(AppSettings());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        AppSettings settings;
        dialog->saveSettings(settings);
        openStore(dialog->uri()); // as File › Open and the command line do
    });
    dialog->open();
}

void MainWindow::askForPassword(const QString &location, const Store::Error &error)
{
    if (m_askingPassword.contains(location))
        return; // one question per store, however many of its opens failed
    m_askingPassword.insert(location);
    // Not exec(): the window keeps running behind the question.
    auto *dialog = new OpenDatabaseDialog(this);
    dialog->setObjectName(QStringLiteral("passwordDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->askPassword(location, error.message);
    connect(dialog, &QDialog::finished, this, [this, dialog, location](int result) {
        m_askingPassword.remove(location);
        if (result == QDialog::Accepted) {
            // Opened again as it was asked for (the command line's experiment and runs).
            const OpenRequest asked = m_lastOpen.location == location ? m_lastOpen : OpenRequest {};
            openStore(dialog->uri(), asked.experimentNameOrId, asked.runIds);
            return;
        }
        // A password the server refused is not tried again by a later open.
        Store::SessionCredentials::forget(location);
        m_statusLabel->setText(tr("%1 was not opened: the server asks for a password.")
                                   .arg(Store::Location::parse(location).displayLocation()));
    });
    dialog->open();
}
