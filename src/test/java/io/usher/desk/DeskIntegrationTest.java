package io.usher.desk;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import io.usher.identity.Role;
import io.usher.support.IntegrationTest;
import io.usher.support.Users;

/**
 * A help desk for each test: an administrator, a team (an agent and a manager) working one queue on a 24/7
 * calendar, a category in it, and a requester. Subclasses' own {@code @BeforeEach} run after this one's.
 */
abstract class DeskIntegrationTest extends IntegrationTest {

    @Autowired
    Users users;

    DeskFixtures desk;
    DeskFixtures.Person admin;
    DeskFixtures.Team team;
    DeskFixtures.Person agent;
    DeskFixtures.Person requester;
    String queue;
    String category;

    @BeforeEach
    void helpDesk() {
        desk = new DeskFixtures(api, users);
        admin = desk.admin();
        team = desk.team();
        requester = desk.person("requester", Role.CUSTOMER);
        agent = team.agent();
        queue = desk.queue(admin, team, desk.roundTheClock(admin));
        category = desk.category(admin, queue);
    }
}
