package io.mcremulator.server.persist;

import io.mcremulator.core.Changes;
import io.mcremulator.core.DurableState;
import io.mcremulator.core.Emulator;
import io.mcremulator.core.Region;
import io.mcremulator.core.error.EmulatorException;
import io.mcremulator.core.error.ErrorCode;
import io.mcremulator.core.seed.SeedDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the engine's state in a data dir ({@code --data-dir}) so that it survives a restart.
 * <p>
 * <b>What is saved.</b> {@link DurableState}: the export document with content (every region, tenant, user, API
 * key, proxy cache, registry, repository, image and manifest) plus tag times and blob links; blob bytes are files
 * of the data dir. A new kind of entity is saved once the export carries it (see {@link DurableState}).
 * <p>
 * <b>When.</b> Every write section of the engine is a change ({@link Changes}). A flusher thread saves the state
 * when it changed: every {@code flushInterval} (a crash loses at most that much), or, with interval 0
 * (write-through), as soon as a change ends, while the request that made it waits: the request is answered only
 * once its change is on disk. So an acknowledged write (a registry create answered 201, a blob or manifest PUT
 * answered 201/202) survives {@code kill -9}. Concurrent requests share one save (group commit). A clean stop
 * ({@link #close()}) saves whatever is left.
 * <p>
 * <b>How.</b> Blob files are synced and renamed before the state that refers to them is written (see
 * {@link io.mcremulator.core.blob.BlobStore}); state files are written whole or not at all and carry a checksum
 * ({@link StateFiles}); at start the newest good one is loaded, and a damaged one is reported and set aside. One
 * process at a time: the data dir is locked ({@link DataDirLock}).
 */
public final class Persistence implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Persistence.class);

    private final Emulator emulator;
    private final PersistenceSettings settings;
    private final StateFiles files;
    private final Object monitor = new Object();
    /** The change number of the newest saved state (guarded by {@link #monitor}). */
    private long durable;
    /** The target of the newest failed save and its error (guarded by {@link #monitor}). */
    private long failedTarget = -1;

    private IOException failure;
    private boolean closed;
    /** The last save of {@link #close()} is done (or failed): nobody waits any more. */
    private boolean finished;

    private Thread flusher;
    /** Blobs of the last saved state, per region: their files must stay while a saved state may refer to them. */
    private Map<Region, Set<String>> savedBlobs = new EnumMap<>(Region.class);

    private Persistence(Emulator emulator, PersistenceSettings settings) throws IOException {
        this.emulator = emulator;
        this.settings = settings;
        this.files = new StateFiles(settings.dataDir());
    }

    /**
     * Loads the newest good saved state of the data dir of {@code settings} into {@code emulator} (whose engine
     * config names the same data dir; the caller holds its {@link DataDirLock}). Fails, naming the file, when the
     * saved state cannot be loaded.
     *
     * @return the persistence, not yet saving (see {@link #start()})
     */
    public static Persistence open(Emulator emulator, PersistenceSettings settings) {
        try {
            Persistence p = new Persistence(emulator, settings);
            p.load();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the saved state in " + settings.dataDir(), e);
        }
    }

    private boolean loaded;
    /** The generation loaded at start (0: none), and the wall time of the newest good save (guarded by monitor). */
    private long loadedGeneration;

    private java.time.Instant lastSavedAt;

    /** True when a saved state was found and loaded (then seed files are not loaded again). */
    public boolean loadedSavedState() {
        return loaded;
    }

    private void load() throws IOException {
        StateFiles.Loaded l = files.newest();
        for (String problem : l.problems()) LOG.warn("mcr-emulator data dir: {}", problem);
        if (l.body() == null) {
            if (!l.problems().isEmpty()) LOG.warn("mcr-emulator data dir: no good saved state is left; starting empty");
            else LOG.info("mcr-emulator data dir {}: no saved state yet; starting empty", settings.dataDir());
            return;
        }
        DurableState st;
        try {
            st = withAvailableBlobs(DurableStateJson.read(l.body()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "saved state generation " + l.generation() + " in " + files.folder() + " cannot be read: "
                            + e.getMessage(),
                    e);
        }
        try {
            emulator.load(st);
        } catch (EmulatorException e) {
            throw new IllegalArgumentException(
                    "saved state generation " + l.generation() + " in " + files.folder()
                            + " does not fit this emulator's settings: " + e.getMessage(),
                    e);
        }
        loaded = true;
        loadedGeneration = l.generation();
        lastSaved = l.body(); // saving the same state again would only churn generations
        if (!l.problems().isEmpty())
            LOG.warn(
                    "mcr-emulator data dir: started from the last good state, generation {} ({}; newer files were"
                            + " damaged)",
                    l.generation(),
                    contents(st));
        else
            LOG.info(
                    "mcr-emulator data dir {}: loaded saved state generation {} ({})",
                    settings.dataDir(),
                    l.generation(),
                    contents(st));
    }

    /** What a loaded state holds, for the start-up line: {@code 3 registries, 4 repositories, 7 images}. */
    private static String contents(DurableState st) {
        int registries = 0, repositories = 0, images = 0;
        for (SeedDocument.Registry r : st.document().registries()) {
            registries++;
            for (SeedDocument.Repository repo : r.repositories()) {
                repositories++;
                images += repo.images().size();
            }
        }
        return registries + " registries, " + repositories + " repositories, " + images + " images";
    }

    /**
     * An image whose blobs are not all in the data dir (only after a damaged state file sent the start to an older
     * one, or files were removed by hand) is kept as metadata only, and said so: never a pull of missing bytes.
     */
    private DurableState withAvailableBlobs(DurableState st) {
        List<SeedDocument.Registry> registries = new ArrayList<>();
        boolean changed = false;
        for (SeedDocument.Registry r : st.document().registries()) {
            if (r.proxyCacheId() != null) { // a proxy cache fetches missing blobs from its upstream when pulled
                registries.add(r);
                continue;
            }
            Region region =
                    Region.parse(r.region() == null ? "br-se1" : r.region()).orElse(Region.DEFAULT);
            List<SeedDocument.Repository> repos = new ArrayList<>();
            boolean registryChanged = false;
            for (SeedDocument.Repository repo : r.repositories()) {
                Set<String> children = new HashSet<>();
                for (SeedDocument.Image img : repo.images()) if (img.digest() != null) children.add(img.digest());
                List<SeedDocument.Image> images = new ArrayList<>();
                boolean repoChanged = false;
                for (SeedDocument.Image img : repo.images()) {
                    String missing = missingBlob(region, img, children);
                    if (missing == null) {
                        images.add(img);
                        continue;
                    }
                    LOG.warn(
                            "mcr-emulator data dir: image {} of {}/{} refers to blob {} that is missing or incomplete;"
                                    + " it is kept as metadata only (not pullable)",
                            img.digest(),
                            r.name(),
                            repo.name(),
                            missing);
                    images.add(img.withoutContent());
                    repoChanged = true;
                }
                repos.add(repoChanged ? repo.withImages(images) : repo);
                registryChanged |= repoChanged;
            }
            registries.add(registryChanged ? r.withRepositories(repos) : r);
            changed |= registryChanged;
        }
        if (!changed) return st;
        return new DurableState(st.document().withRegistries(registries), st.tagTimes(), st.blobLinks());
    }

    /** A blob {@code img} refers to that is not stored whole in the data dir, or null. */
    private String missingBlob(Region region, SeedDocument.Image img, Set<String> childManifests) {
        if (img.manifest() == null || img.references() == null) return null;
        for (Map.Entry<String, Long> ref : img.references().entrySet()) {
            if (childManifests.contains(ref.getKey())) continue;
            long size = emulator.blobSize(region, ref.getKey());
            if (size < 0 || (ref.getValue() != null && size != ref.getValue())) return ref.getKey();
        }
        return null;
    }

    /** Starts saving changes (and saves once now, so the data dir holds this start's state). */
    public void start() {
        synchronized (monitor) {
            if (flusher != null) return;
            flusher = new Thread(this::run, "mcr-emulator-flusher");
            flusher.setDaemon(true);
        }
        saveNow();
        emulator.changes().listener(this::changed);
        flusher.start();
    }

    /** The engine's hook: a write-through change waits until it is saved; otherwise the flusher gets to it. */
    private void changed(long seq, boolean completed) {
        if (!settings.writeThrough()) return;
        synchronized (monitor) {
            monitor.notifyAll();
            if (!completed) return;
            while (durable < seq && !finished) {
                if (failedTarget >= seq)
                    throw new EmulatorException(
                            ErrorCode.INTERNAL_SERVER_ERROR,
                            "the change was made but could not be saved to the data dir: " + failure,
                            Map.of());
                try {
                    monitor.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void run() {
        long intervalMs = settings.flushInterval().toMillis();
        while (true) {
            synchronized (monitor) {
                try {
                    if (settings.writeThrough()) {
                        while (!closed && emulator.changes().current() <= durable) monitor.wait();
                    } else if (!closed) {
                        monitor.wait(Math.max(1, intervalMs));
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (closed) return;
            }
            if (emulator.changes().current() > durableNow() && !saveNow()) {
                synchronized (monitor) { // the disk refused: try again in a second, not in a tight loop
                    try {
                        if (!closed) monitor.wait(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    private long durableNow() {
        synchronized (monitor) {
            return durable;
        }
    }

    private final Object saving = new Object();
    /** The body of the newest state file, guarded by {@link #saving}. */
    private byte[] lastSaved;

    /** Saves the state as it is now; returns false (and logs) when the disk refused. */
    private boolean saveNow() {
        synchronized (saving) {
            long target = emulator.changes().current();
            try {
                DurableState st = emulator.durableState();
                emulator.syncBlobFolders(); // the blob files the state refers to are durable before it is
                byte[] body = DurableStateJson.write(st);
                if (!java.util.Arrays.equals(body, lastSaved)) { // a change that changed nothing (a failed create)
                    files.write(body);
                    lastSaved = body;
                }
                Map<Region, Set<String>> keep = new EnumMap<>(Region.class);
                for (Region r : Region.values()) {
                    Set<String> k = new HashSet<>(st.storedBlobs().getOrDefault(r, Set.of()));
                    k.addAll(savedBlobs.getOrDefault(r, Set.of()));
                    keep.put(r, k);
                }
                savedBlobs = new EnumMap<>(Region.class);
                savedBlobs.putAll(st.storedBlobs());
                synchronized (monitor) {
                    if (target > durable) durable = target;
                    lastSavedAt = java.time.Instant.now();
                    monitor.notifyAll();
                }
                emulator.removeUnusedBlobFiles(keep);
                return true;
            } catch (IOException | RuntimeException e) {
                LOG.error("mcr-emulator data dir: cannot save the state to {}: {}", settings.dataDir(), e.toString());
                synchronized (monitor) {
                    failedTarget = Math.max(failedTarget, target);
                    failure = e instanceof IOException io ? io : new IOException(e);
                    monitor.notifyAll();
                }
                return false;
            }
        }
    }

    /**
     * What is saved, for {@code GET /_emulator/health}: {@code changes} counts the engine's completed changes,
     * {@code savedChanges} how many of them the newest saved state holds (every change up to that number, and any
     * write acknowledged before it, survives {@code kill -9}); {@code lastSavedAt} is when that state was saved,
     * {@code generation} its file, {@code loadedGeneration} the one loaded at start (0: none).
     */
    public java.util.Map<String, Object> status() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("dataDir", settings.dataDir().toString());
        m.put("flushIntervalMs", settings.flushInterval().toMillis());
        m.put("writeThrough", settings.writeThrough());
        m.put("changes", emulator.changes().current());
        synchronized (monitor) {
            m.put("savedChanges", durable);
            m.put("lastSavedAt", lastSavedAt == null ? null : lastSavedAt.toString());
            m.put("loadedGeneration", loadedGeneration);
            m.put("lastError", failedTarget > durable && failure != null ? failure.toString() : null);
        }
        m.put("generation", files.generation());
        return m;
    }

    /** Stops saving after saving what is left. Idempotent. */
    @Override
    public void close() {
        Thread t;
        synchronized (monitor) {
            if (closed) return;
            closed = true;
            t = flusher;
            monitor.notifyAll();
        }
        emulator.changes().listener(null);
        if (t != null && t.isAlive()) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (t != null && emulator.changes().current() > durableNow()) saveNow();
        synchronized (monitor) {
            finished = true;
            monitor.notifyAll();
        }
    }
}
