package io.mcremulator.server.oci;

import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** The management calls a test caller makes to set up a registry and its members, each expecting success. */
interface RegistryMemberCalls {
    /** The caller's management-API request (its JWT, JSON bodies). */
    RequestSpecification mgmt();

    /** The caller's registry user id ({@code POST /v0/users}). */
    default String registryUser() {
        return mgmt().post("/v0/users").then().statusCode(201).extract().path("id");
    }

    default String createRegistry(String name) {
        return mgmt().body(Map.of("name", name))
                .post("/v0/registries")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    default String addMember(String registry, String userId, String role) {
        return mgmt().body(Map.of("user_id", userId, "role", role))
                .post("/v0/registries/" + registry + "/members")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    default void setRole(String registry, String member, String role) {
        mgmt().body(Map.of("role", role))
                .patch("/v0/registries/" + registry + "/members/" + member)
                .then()
                .statusCode(200);
    }

    default void removeMember(String registry, String member) {
        mgmt().delete("/v0/registries/" + registry + "/members/" + member)
                .then()
                .statusCode(204);
    }
}
