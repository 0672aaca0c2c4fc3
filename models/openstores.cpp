#include "openstores.h"

#include "runloader.h"

OpenStores::OpenStores(QObject *parent) : QObject(parent) { }

OpenStores::~OpenStores() = default; // the loaders are children: each waits for its workers

bool OpenStores::open(const QString &location, Store::ViewType view)
{
    if (contains(location))
        return false;
    auto *loader = new RunLoader(this);
    loader->setLocation(location);
    m_loaders.insert(location, loader);
    m_order.append(location);
    m_opening.insert(location);
    connect(loader, &RunLoader::experimentsLoaded, this,
            [this, location](const Store::ExperimentList &experiments) {
                const bool first = m_opening.remove(location);
                emit experimentsLoaded(location, experiments);
                if (first)
                    emit opened(location);
            });
    connect(loader, &RunLoader::noticeChanged, this,
            [this, location](const QString &notice) { emit noticeChanged(location, notice); });
    connect(loader, &RunLoader::loadFailed, this, [this, location](const Store::Error &error) {
        if (!isOpening(location))
            return; // reading runs or experiments of an open store: its user reports that
        close(location);
        emit openFailed(location, error);
    });
    emit loaderAdded(location, loader);
    loader->loadExperiments(view);
    return true;
}

void OpenStores::close(const QString &location)
{
    RunLoader *loader = m_loaders.take(location);
    if (!loader)
        return;
    m_order.removeAll(location);
    m_opening.remove(location);
    loader->disconnect(this);
    loader->cancel();
    // Possibly inside one of its signals: it goes (and waits for its workers) once back in the
    // event loop.
    loader->deleteLater();
}

void OpenStores::reload(const QString &location, Store::ViewType view)
{
    if (RunLoader *loader = m_loaders.value(location))
        loader->loadExperiments(view);
}

void OpenStores::reloadAll(Store::ViewType view)
{
    for (const QString &location : std::as_const(m_order))
        reload(location, view);
}

QStringList OpenStores::locations() const
{
    QStringList open;
    for (const QString &location : m_order) {
        if (!m_opening.contains(location))
            open.append(location);
    }
    return open;
}
