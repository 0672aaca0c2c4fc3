#include "commands.h"
#include "registryactivitylog.h"
#include "registryplanner.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#include <optional>

// kaizen transition, alias, tag and describe: one registry change, planned against the model
// as the store holds it now and written in one transaction. Naming the command is the user's
// consent to write. Any refusal (a rule of MLflow's, a missing model or version, a store that
// cannot be written, a busy store) exits 4 with nothing written.

namespace {

// What the command asks for, planned against the model's current state.
Store::Result<Store::RegistryChange> plan(const CommandLine &cl, const RegistryPlanner &planner)
{
    switch (cl.command) {
    case CommandLine::Command::Transition:
        return planner.transition(cl.version, cl.stage, cl.archiveExistingVersions);
    case CommandLine::Command::Alias:
        return cl.remove ? planner.deleteAlias(cl.alias) : planner.setAlias(cl.alias, cl.version);
    case CommandLine::Command::Tag:
        return cl.remove ? planner.deleteTag(cl.version, cl.tagKey)
                         : planner.setTag(cl.version, cl.tagKey, cl.tagValue);
    case CommandLine::Command::Describe:
        return planner.setDescription(cl.version, cl.text);
    default:
        break;
    }
    return Store::Error::make(Store::Error::Internal, QStringLiteral("not a registry write"));
}

// The model's current state, planned into a change; nullopt after printing why not.
std::optional<Store::RegistryChange> planChange(const CommandLine &cl, Store::MlflowStore &store,
                                                int *exitCode)
{
    const auto models = store.registeredModels();
    if (!models) {
        Cli::printError(models.error().message);
        *exitCode = models.error().code == Store::Error::NoRegistry ? ExitWriteRefused
                                                                    : Cli::exitCodeFor(models.error());
        return std::nullopt;
    }
    const auto model = std::find_if(models->begin(), models->end(),
                                    [&](const Store::RegisteredModel &m) { return m.name == cl.model; });
    if (model == models->end()) {
        Cli::printError(QCoreApplication::translate("Cli", "No registered model named '%1' in this store.")
                            .arg(cl.model));
        *exitCode = ExitWriteRefused;
        return std::nullopt;
    }
    const auto versions = store.modelVersions(cl.model);
    if (!versions) {
        Cli::printError(versions.error().message);
        *exitCode = ExitWriteRefused;
        return std::nullopt;
    }
    auto change = plan(cl, RegistryPlanner(*model, *versions));
    if (!change) {
        Cli::printError(change.error().message);
        *exitCode = ExitWriteRefused;
        return std::nullopt;
    }
    return std::move(change).value();
}

} // namespace

int runRegistryWriteCommand(const CommandLine &cl)
{
    auto store = Cli::openStore(cl, /*writable=*/true);
    if (!store)
        return ExitStoreUnreadable;
    if (const Store::Error why = store->registryWritability(); !why.ok()) {
        Cli::printError(why.message);
        return ExitWriteRefused;
    }
    // Another process may change the model between the read and the write: the store then
    // refuses (Conflict) and the change is planned again on what it holds now.
    constexpr int Attempts = 3;
    for (int attempt = 1;; ++attempt) {
        int exitCode = ExitOk;
        const std::optional<Store::RegistryChange> change = planChange(cl, *store, &exitCode);
        if (!change)
            return exitCode;
        const auto written = store->applyRegistryChange(*change);
        if (!written && written.error().code == Store::Error::Conflict && attempt < Attempts)
            continue;
        if (!written) {
            Cli::printError(written.error().message);
            return ExitWriteRefused;
        }
        // The activity log is Kaizen's record, not the store's: failing to keep it does not
        // undo a change that was written.
        if (const Store::Error logged
            = RegistryActivityLog().append(store->location(), *change, written->time);
            !logged.ok())
            Cli::printError(logged.message);
        for (const QString &line : RegistryPlanner::describeChange(*change))
            std::printf("%s: %s\n", qPrintable(cl.model), qPrintable(line));
        return ExitOk;
    }
}
