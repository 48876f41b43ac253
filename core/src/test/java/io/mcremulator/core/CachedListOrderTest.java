package io.mcremulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcremulator.core.auth.Principal;
import io.mcremulator.core.model.ImageInfo;
import io.mcremulator.core.model.RegistryInfo;
import io.mcremulator.core.paging.Page;
import io.mcremulator.core.paging.PageRequest;
import io.mcremulator.core.paging.Paging;
import io.mcremulator.core.seed.SeedDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Lists are served from sorted orders kept between writes (performance); these tests pin that a list always
 * answers what a fresh sort of the current state answers, whatever was listed before and whatever changed since.
 */
class CachedListOrderTest {
    private static final Principal ALICE = Principal.of("tenant-a", "alice", null);
    private static final Principal BOB = Principal.of("tenant-b", "bob", null);
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private final Emulator emulator = new Emulator();
    private final Registries registries = emulator.region(Region.DEFAULT).registries();
    private final Images images = emulator.region(Region.DEFAULT).images();

    private void seedRegistries(String tenant, int n) {
        List<SeedDocument.Registry> regs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // created_at runs against the name order, so the two sorts differ
            regs.add(new SeedDocument.Registry(
                    null,
                    tenant,
                    null,
                    tenant.substring(tenant.length() - 1) + "reg" + (1000 + (i * 7) % n),
                    null,
                    T0.plusSeconds(n - i),
                    null,
                    List.of()));
        }
        emulator.seed(new SeedDocument(List.of(), List.of(), regs));
    }

    /** The reference: every registry of the tenant as a view, sorted afresh by the plain helper. */
    private Page<RegistryInfo> reference(Principal p, PageRequest req, String nameContains) {
        RegionState s = emulator.state(Region.DEFAULT);
        return s.read(() -> Paging.page(
                s.registries.values().stream()
                        .filter(r -> r.tenantId.equals(p.tenantId()))
                        .map(s::view)
                        .toList(),
                r -> nameContains == null || r.name().contains(nameContains),
                req,
                Registries.SORT));
    }

    @Test
    void everySortOffsetAndFilterMatchesAFreshSort() {
        seedRegistries("tenant-a", 120);
        seedRegistries("tenant-b", 30);
        for (String sort : List.of(
                "name:asc",
                "name:desc",
                "created_at:asc",
                "created_at:desc",
                "updated_at:desc,name:asc",
                "storage_usage_bytes:asc")) {
            for (int offset : List.of(0, 7, 119, 120, 500)) {
                for (String filter : new String[] {null, "reg10", "zzz"}) {
                    PageRequest req = PageRequest.of(13, offset, sort);
                    for (int repeat = 0; repeat < 2; repeat++) { // second time from the kept order
                        assertThat(registries.list(ALICE, req, filter))
                                .as("%s offset %d filter %s", sort, offset, filter)
                                .isEqualTo(reference(ALICE, req, filter));
                    }
                }
            }
        }
        assertThat(registries
                        .list(BOB, PageRequest.of(100, 0, "name:asc"), null)
                        .total())
                .isEqualTo(30);
    }

    @Test
    void createAndDeleteShowInTheNextList() {
        seedRegistries("tenant-a", 20);
        PageRequest byName = PageRequest.of(5, 0, "name:asc");
        assertThat(registries.list(ALICE, byName, null).total()).isEqualTo(20);

        RegistryInfo first = registries.create(ALICE, "aaa-first", null);
        Page<RegistryInfo> after = registries.list(ALICE, byName, null);
        assertThat(after.total()).isEqualTo(21);
        assertThat(after.results().get(0).name()).isEqualTo("aaa-first");

        registries.delete(ALICE, first.id());
        assertThat(registries.list(ALICE, byName, null)).isEqualTo(reference(ALICE, byName, null));
        assertThat(registries.list(ALICE, byName, null).results())
                .extracting(RegistryInfo::name)
                .doesNotContain("aaa-first");
    }

    @Test
    void imageDeletionAndReseedingShowInTheNextImageList() {
        UUID regId = UUID.randomUUID();
        UUID repoId = UUID.randomUUID();
        List<SeedDocument.Image> imgs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            imgs.add(new SeedDocument.Image(
                    "sha256:" + String.format("%064x", i),
                    List.of("v" + i),
                    100L + (i * 13) % 40,
                    null,
                    null,
                    T0.plusSeconds(i),
                    null,
                    null));
        }
        emulator.seed(new SeedDocument(
                List.of(),
                List.of(),
                List.of(new SeedDocument.Registry(
                        null,
                        "tenant-a",
                        regId,
                        "images",
                        null,
                        null,
                        null,
                        List.of(new SeedDocument.Repository(repoId, "team/app", null, null, imgs))))));
        Images.RepoRef repo = Images.RepoRef.byId(repoId);
        PageRequest newest = PageRequest.of(3, 0, "pushed_at:desc");

        assertThat(images.list(ALICE, regId, repo, newest, null).results())
                .extracting(ImageInfo::tags)
                .containsExactly(List.of("v39"), List.of("v38"), List.of("v37"));
        images.delete(ALICE, regId, repo, "v39");
        assertThat(images.list(ALICE, regId, repo, newest, null).results())
                .extracting(ImageInfo::tags)
                .containsExactly(List.of("v38"), List.of("v37"), List.of("v36"));
        assertThat(images.list(ALICE, regId, repo, PageRequest.of(50, 0, "size_bytes:asc"), "v3")
                        .total())
                .isEqualTo(10); // v3, v30..v38

        // The registry's storage usage follows the deletion too.
        long before = registries.get(ALICE, regId).storageUsageBytes();
        images.delete(ALICE, regId, repo, "v0");
        assertThat(registries.get(ALICE, regId).storageUsageBytes()).isLessThan(before);
        assertThat(registries
                        .list(ALICE, PageRequest.of(1, 0, "name:asc"), null)
                        .results()
                        .get(0)
                        .storageUsageBytes())
                .isEqualTo(registries.get(ALICE, regId).storageUsageBytes());
    }

    @Test
    void resetEmptiesTheLists() {
        seedRegistries("tenant-a", 10);
        PageRequest req = PageRequest.of(5, 0, "name:asc");
        assertThat(registries.list(ALICE, req, null).total()).isEqualTo(10);
        emulator.resetTenant("tenant-a");
        assertThat(registries.list(ALICE, req, null).total()).isZero();
        seedRegistries("tenant-a", 4);
        emulator.reset();
        assertThat(registries.list(ALICE, req, null).results()).isEmpty();
    }
}
