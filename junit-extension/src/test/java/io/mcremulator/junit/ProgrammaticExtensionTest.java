package io.mcremulator.junit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.mcremulator.core.Region;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The builder path with rest-assured: region, seed file, option, a seeded tenant's own API key. */
class ProgrammaticExtensionTest {
    static final String SHOP_TENANT = "11111111-1111-4111-8111-111111111111";

    @RegisterExtension
    static McrEmulatorExtension emulator = McrEmulatorExtension.builder()
            .region(Region.BR_NE1)
            .seed("classpath:seeds/shop.json")
            .option("getRepositoryStatus", "201")
            .build();

    @Test
    void defaultRegionComesFromTheBuilder(McrEmulator mcr) {
        assertThat(mcr.managementUrl()).endsWith("/br-ne1/container-registry");
        String name = mcr.uniqueName("prog");
        given().header("Authorization", mcr.authorizationHeader())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\"}")
                .when()
                .post(mcr.managementUrl() + "/v0/registries")
                .then()
                .statusCode(201)
                .body("name", equalTo(name));
        assertThat(mcr.state().registry(name)).isPresent();
        assertThat(mcr.state().in(Region.BR_SE1).registry(name)).isEmpty();
    }

    @Test
    void seedFileIsLoadedAndItsApiKeyWorks(McrEmulator mcr) {
        // the seed file's user has a fixed API key; the seed lives in the default br-se1 region
        given().header("X-API-Key", "22222222-2222-4222-8222-222222222222")
                .when()
                .get(mcr.managementUrl(Region.BR_SE1) + "/v0/registries")
                .then()
                .statusCode(200)
                .body("results.name", hasItem("shop-seeded"));
        TestTenant shop = mcr.tenant(SHOP_TENANT);
        assertThat(shop.state().in(Region.BR_SE1).images("shop-seeded", "team/api"))
                .singleElement()
                .satisfies(i -> assertThat(i.tags()).containsExactly("1.0", "latest"));
    }

    @Test
    void optionReachesTheServer(McrEmulator mcr) {
        TestTenant shop = mcr.tenant(SHOP_TENANT);
        var reg = shop.state().in(Region.BR_SE1).registry("shop-seeded").orElseThrow();
        var repo = shop.state().in(Region.BR_SE1).repositories("shop-seeded").get(0);
        given().header("Authorization", shop.authorizationHeader())
                .when()
                .get(mcr.managementUrl(Region.BR_SE1) + "/v1/registries/" + reg.id() + "/repositories/" + repo.id())
                .then()
                .statusCode(201);
    }
}
