#include "demostore.h"

#include "democlock.h"
#include "demowriter.h"
#include "storebuilder.h"

namespace Store {

using namespace Demo;

Error DemoStore::generate(const QString &dbPath, const DemoStoreOptions &options)
{
    StoreBuilder::Options builderOptions;
    builderOptions.now = BaseTime - 60 * Day; // when "MLflow" created the store
    builderOptions.seed = options.seed;
    builderOptions.artifactRoot = options.artifactRoot;
    auto builder = StoreBuilder::create(dbPath, builderOptions);
    if (!builder)
        return builder.error();
    StoreBuilder &b = **builder;
    DemoWriter writer(b, options);
    if (Error error = writer.write(); !error.ok())
        return error;
    return b.finish();
}

} // namespace Store
