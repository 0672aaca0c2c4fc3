#include "registryactions.h"

#include "changeconfirmdialog.h"
#include "descriptiondialog.h"
#include "registryplanner.h"
#include "registryrules.h"
#include "registryundocommand.h"
#include "tagdialog.h"

#include <QAction>
#include <QInputDialog>
#include <QMenu>
#include <QUndoStack>

#include <algorithm>

namespace {

// The other live versions in `stage`, which archiving would move to Archived.
QList<int> othersInStage(const Store::ModelVersionList &versions, int version, const QString &stage)
{
    QList<int> others;
    for (const Store::ModelVersion &v : versions) {
        if (v.version != version && v.stage == stage)
            others << v.version;
    }
    return others;
}

QString versionList(const QList<int> &versions)
{
    QStringList names;
    for (int v : versions)
        names << QStringLiteral("v%1").arg(v);
    return names.join(QStringLiteral(", "));
}

} // namespace

RegistryActions::RegistryActions(RegistryWriter *writer, QUndoStack *undoStack, QWidget *dialogParent)
    : QObject(dialogParent), m_writer(writer), m_undoStack(undoStack), m_dialogParent(dialogParent)
{
    const struct
    {
        const char *stage;
        QString text;
        Qt::Key key;
    } stages[] = {{Store::Stages::Staging, tr("To &Staging"), Qt::Key_S},
                  {Store::Stages::Production, tr("To &Production"), Qt::Key_P},
                  {Store::Stages::Archived, tr("To &Archived"), Qt::Key_A},
                  {Store::Stages::None, tr("To &None"), Qt::Key_N}};
    for (const auto &s : stages) {
        auto *action = new QAction(s.text, this);
        const QString stage = QLatin1String(s.stage);
        action->setObjectName(QStringLiteral("transitionTo") + stage);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | s.key));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(tr("Move the current version to %1").arg(stage));
        connect(action, &QAction::triggered, this,
                [this, stage] { requestTransition(m_currentVersion, stage); });
        m_transitionActions << action;
    }
    const auto make = [this](const QString &text, const char *name, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    m_setAlias = make(tr("Set A&lias…"), "setAliasAction", [this] { editAlias(); });
    m_setAlias->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L));
    m_setTag = make(tr("Set Version &Tag…"), "setVersionTagAction", [this] { editTag(m_currentVersion); });
    m_editDescription = make(tr("Edit Version &Description…"), "editVersionDescriptionAction",
                             [this] { editDescription(m_currentVersion); });
    m_editDescription->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D));
    m_setModelTag = make(tr("Set &Model Tag…"), "setModelTagAction", [this] { editTag(0); });
    m_editModelDescription
        = make(tr("Edit Model D&escription…"), "editModelDescriptionAction", [this] { editDescription(0); });
    updateEnabled();
}

void RegistryActions::setContext(const QString &location, const Store::RegisteredModel &model,
                                 const Store::ModelVersionList &versions, int currentVersion)
{
    m_location = location;
    m_model = model;
    m_versions = versions;
    m_currentVersion = currentVersion;
    updateEnabled();
}

void RegistryActions::setWritable(bool writable)
{
    m_writable = writable;
    updateEnabled();
}

void RegistryActions::updateEnabled()
{
    const bool model = m_writable && !m_model.name.isEmpty();
    const bool version = model && m_currentVersion > 0;
    for (QAction *action : std::as_const(m_transitionActions))
        action->setEnabled(version);
    m_setAlias->setEnabled(version);
    m_setTag->setEnabled(version);
    m_editDescription->setEnabled(version);
    m_setModelTag->setEnabled(model);
    m_editModelDescription->setEnabled(model);
    const QString why = m_writable ? QString() : tr(" (turn on Allow Changes first)");
    for (QAction *action : std::as_const(m_transitionActions))
        action->setStatusTip(action->toolTip() + why);
}

void RegistryActions::addToMenu(QMenu *menu)
{
    QMenu *stages = menu->addMenu(tr("&Transition"));
    stages->addActions(m_transitionActions);
    menu->addAction(m_setAlias);
    menu->addAction(m_setTag);
    menu->addAction(m_editDescription);
    menu->addSeparator();
    menu->addAction(m_setModelTag);
    menu->addAction(m_editModelDescription);
}

void RegistryActions::fillContextMenu(QMenu *menu, int version)
{
    if (version > 0) {
        for (QAction *action : std::as_const(m_transitionActions))
            menu->addAction(action);
        menu->addSeparator();
        menu->addAction(m_setAlias);
        const auto v = std::find_if(m_versions.begin(), m_versions.end(),
                                    [&](const Store::ModelVersion &mv) { return mv.version == version; });
        if (v != m_versions.end()) {
            for (const QString &alias : v->aliases) {
                QAction *remove = menu->addAction(tr("Delete Alias @%1").arg(alias), this, [this, alias] {
                    push(RegistryPlanner(m_model, m_versions).deleteAlias(alias));
                });
                remove->setEnabled(m_writable);
            }
            menu->addAction(m_setTag);
            for (const auto &[key, value] : v->tags) {
                QAction *remove = menu->addAction(tr("Delete Tag %1").arg(key), this, [this, version, key] {
                    push(RegistryPlanner(m_model, m_versions).deleteTag(version, key));
                });
                remove->setEnabled(m_writable);
            }
        }
        menu->addAction(m_editDescription);
        menu->addSeparator();
    }
    menu->addAction(m_setModelTag);
    for (const auto &[key, value] : std::as_const(m_model.tags)) {
        QAction *remove = menu->addAction(tr("Delete Model Tag %1").arg(key), this, [this, key] {
            push(RegistryPlanner(m_model, m_versions).deleteTag(0, key));
        });
        remove->setEnabled(m_writable);
    }
    menu->addAction(m_editModelDescription);
}

void RegistryActions::requestTransition(int version, const QString &stage)
{
    if (!m_writable || version <= 0)
        return;
    const RegistryPlanner planner(m_model, m_versions);
    const QString canonical = Store::RegistryRules::canonicalStage(stage);
    auto change = planner.transition(version, stage, false);
    if (!change) {
        emit refused(change.error().message);
        return;
    }
    auto *dialog = new ChangeConfirmDialog(
        tr("Move %1 version %2 to %3?").arg(m_model.name).arg(version).arg(canonical),
        RegistryPlanner::describeChange(*change), m_location, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Offered for Staging and Production only, as MLflow allows it only there.
    const QList<int> others = othersInStage(m_versions, version, canonical);
    if (Store::RegistryRules::isActiveStage(canonical) && !others.isEmpty()) {
        dialog->setOption(tr("Archive the other versions in %1 (%2)").arg(canonical, versionList(others)),
                          false);
        connect(dialog, &ChangeConfirmDialog::optionToggled, dialog,
                [dialog, planner, version, stage](bool archive) {
                    if (auto c = planner.transition(version, stage, archive))
                        dialog->setChanges(RegistryPlanner::describeChange(*c));
                });
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog, planner, version, stage] {
        push(planner.transition(version, stage, dialog->isOptionChecked()));
    });
    dialog->open();
}

void RegistryActions::push(const Store::Result<Store::RegistryChange> &change)
{
    if (!change) {
        emit refused(change.error().message);
        return;
    }
    m_undoStack->push(new RegistryUndoCommand(m_writer, m_location, *change));
}

void RegistryActions::editAlias()
{
    if (m_currentVersion <= 0)
        return;
    auto *dialog = new QInputDialog(m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Set Alias"));
    dialog->setLabelText(tr("Alias for %1 version %2 (an alias on another version moves here):")
                             .arg(m_model.name)
                             .arg(m_currentVersion));
    dialog->setComboBoxEditable(true);
    dialog->setComboBoxItems(m_model.aliases.keys());
    dialog->setTextValue({});
    const int version = m_currentVersion;
    connect(dialog, &QInputDialog::textValueSelected, this, [this, version](const QString &alias) {
        push(RegistryPlanner(m_model, m_versions).setAlias(alias.trimmed(), version));
    });
    dialog->open();
}

void RegistryActions::editTag(int version)
{
    if (version < 0)
        return;
    auto *dialog = new TagDialog(version == 0 ? tr("Tag %1").arg(m_model.name)
                                              : tr("Tag %1 version %2").arg(m_model.name).arg(version),
                                 m_dialogParent, version);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, version] {
        push(RegistryPlanner(m_model, m_versions).setTag(version, dialog->key(), dialog->value()));
    });
    dialog->open();
}

void RegistryActions::editDescription(int version)
{
    QString current = m_model.description;
    if (version > 0) {
        const auto v = std::find_if(m_versions.begin(), m_versions.end(),
                                    [&](const Store::ModelVersion &mv) { return mv.version == version; });
        if (v == m_versions.end())
            return;
        current = v->description;
    }
    auto *dialog = new DescriptionDialog(
        version == 0 ? tr("Description of %1").arg(m_model.name)
                     : tr("Description of %1 version %2").arg(m_model.name).arg(version),
        current, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, version, current] {
        if (dialog->markdown() != current)
            push(RegistryPlanner(m_model, m_versions).setDescription(version, dialog->markdown()));
    });
    dialog->open();
}
